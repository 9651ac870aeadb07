package dev.belay.dsl;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement ready for a driver: SQL text with placeholders, and one parameter value (with its
 * PostgreSQL type) per placeholder. The boundary between the DSL and the executor.
 *
 * <pre>{@code
 * RenderedSql r = select(User.class).where(USER.AGE.ge(18)).render();
 * r.sql();    // SELECT "users"."id", ... FROM "users" WHERE "users"."age" >= ?
 * r.params(); // [18]
 * }</pre>
 */
public final class RenderedSql {
    private final String sql;
    private final List<@Nullable Object> params;
    private final List<PgType<?>> paramTypes;

    RenderedSql(String sql, List<@Nullable Object> params, List<PgType<?>> paramTypes) {
        this.sql = sql;
        this.params = Collections.unmodifiableList(params);
        this.paramTypes = List.copyOf(paramTypes);
    }

    /** The SQL text. The same String instance for every rendering of one query shape. */
    public String sql() {
        return sql;
    }

    /** The parameter values in placeholder order; an element is null only for a bound SQL NULL. */
    public List<@Nullable Object> params() {
        return params;
    }

    /** The PostgreSQL type of each parameter, in placeholder order. */
    public List<PgType<?>> paramTypes() {
        return paramTypes;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RenderedSql r && r.sql.equals(sql) && r.params.equals(params)
                && r.paramTypes.equals(paramTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, params, paramTypes);
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
