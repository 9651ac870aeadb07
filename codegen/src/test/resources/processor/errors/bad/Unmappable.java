package bad;

import dev.belay.dsl.annotations.Table;
import java.util.Map;

@Table("unmappable")
record Unmappable(Long id,
        Map<String, String> attributes, // error: component 'attributes': no default PostgreSQL type for Java type java.util.Map
        Object thing) {} // error: component 'thing': no default PostgreSQL type for Java type java.lang.Object
