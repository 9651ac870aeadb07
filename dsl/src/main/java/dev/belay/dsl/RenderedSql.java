package dev.belay.dsl;

import dev.belay.dsl.internal.ArrayView;
import dev.belay.dsl.internal.Expr;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
    /** The AST node behind each placeholder, kept only to say what a refused value was for. */
    private final List<Expr> slots;

    /** Takes over {@code params}, which the caller filled for this rendering and does not keep. */
    RenderedSql(String sql, @Nullable Object[] params, List<PgType<?>> paramTypes, List<Expr> slots) {
        this.sql = sql;
        this.params = ArrayView.of(params);
        this.paramTypes = paramTypes;
        this.slots = slots;
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

    /**
     * What the parameter at {@code index} (from 0) is for, for error messages: the column or expression
     * the value was given to ({@code insert into "users": column users.name}, {@code eq(...) on users.age}),
     * {@code :name} for a {@link Param} slot, or {@code parameter 3} when nothing more is known.
     */
    public String describeParam(int index) {
        Expr slot = slots.get(index);
        if (slot instanceof Expr.Slot s) {
            return ":" + s.key().name();
        }
        Supplier<String> origin = slot instanceof Expr.Bind b ? b.origin() : null;
        return origin != null ? origin.get() : "parameter " + (index + 1);
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
