package dev.belay.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.RenderedSql;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenTest {

    static List<Golden> cases() {
        return Goldens.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersExactSqlAndParams(Golden golden) {
        RenderedSql rendered = golden.query().render();
        assertEquals(golden.sql(), rendered.sql(), golden.name());
        assertEquals(golden.params(), rendered.params(), golden.name());
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Golden g : Goldens.all()) {
            if (!seen.add(g.name())) {
                throw new AssertionError("duplicate golden name " + g.name());
            }
        }
    }
}
