package bad;

import dev.belay.dsl.annotations.Column;
import dev.belay.dsl.annotations.Table;
import java.util.List;

@Table("lists")
record Lists(Long id,
        List<?> anything, // error: component 'anything': List type java.util.List<?> needs a concrete element type
        List<List<String>> nested, // error: component 'nested': List type java.util.List<java.util.List<java.lang.String>> needs a concrete element type
        @Column(type = "int4") String text) {} // error: component 'text': type int4 carries Integer values, but the Java type is String
