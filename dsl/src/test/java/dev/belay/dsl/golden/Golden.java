package dev.belay.dsl.golden;

import dev.belay.dsl.Query;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One golden case: a query, the exact SQL it must render and the exact parameters. The dsl tests assert
 * the text; it-tests sends every case to PostgreSQL, so each golden SQL is also proven valid. A case with
 * {@code rows} is also executed on the seeded fixture ({@code belay/fixture-seed.sql}) and must change
 * (row-count statement) or return (result query) exactly that many rows.
 */
public record Golden(String name, Query query, String sql, List<Object> params, @Nullable Integer rows) {

    public static Golden of(String name, Query query, String sql, Object... params) {
        return new Golden(name, query, sql, Arrays.asList(params), null);
    }

    /** This case changes or returns {@code count} rows when run on the seeded fixture. */
    public Golden rows(int count) {
        return new Golden(name, query, sql, params, count);
    }

    @Override
    public String toString() {
        return name;
    }
}
