package dev.belay.dsl.golden;

import dev.belay.dsl.Query;
import java.util.Arrays;
import java.util.List;

/**
 * One golden case: a query, the exact SQL it must render and the exact parameters. The dsl tests assert
 * the text; it-tests sends every case to PostgreSQL, so each golden SQL is also proven valid.
 */
public record Golden(String name, Query query, String sql, List<Object> params) {

    public static Golden of(String name, Query query, String sql, Object... params) {
        return new Golden(name, query, sql, Arrays.asList(params));
    }

    @Override
    public String toString() {
        return name;
    }
}
