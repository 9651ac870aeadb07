package dev.belay.dsl;

import dev.belay.dsl.internal.QueryNode;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An INSERT, UPDATE or DELETE with RETURNING: a {@link ResultQuery} whose rows are typed like a
 * SELECT of the same fields.
 *
 * <pre>{@code
 * Returning<Long> ids = deleteFrom(USER).where(USER.AGE.lt(18)).returning(USER.ID);
 * // DELETE FROM "users" WHERE "users"."age" < ? RETURNING "users"."id"
 * }</pre>
 *
 * @param <R> the Java type of one returned row
 */
public final class Returning<R> implements ResultQuery<R> {
    private final Statement statement;
    private final Projection<R> projection;

    Returning(Statement statement, Projection<R> projection) {
        this.statement = statement;
        this.projection = projection;
    }

    /**
     * Maps each returned row into a record by position, checked now: {@code .returning(USER.ID, USER.NAME)
     * .into(UserSummary.class)} needs {@code record UserSummary(Long id, String name)}.
     *
     * @throws IllegalArgumentException on an arity or type mismatch, naming the component and field
     */
    public <X> Returning<X> into(Class<X> recordType) {
        Into.check(recordType, projection.fields());
        return new Returning<>(statement, projection.asRecord(recordType));
    }

    /** A copy with {@code param} bound to {@code value}; the SQL text is not rendered again. */
    public <T> Returning<R> bind(Param<T> param, @Nullable T value) {
        return new Returning<>(statement.bind(param, value), projection);
    }

    @Override
    public List<Field<?>> fields() {
        return projection.fields();
    }

    @Override
    public Class<R> resultType() {
        return projection.type();
    }

    Projection<R> projection() {
        return projection;
    }

    /** This statement's AST for a data-modifying CTE; refused once bound, as for a nested SELECT. */
    QueryNode nestedNode(String use) {
        return statement.nested(use);
    }

    /** Always true: the statement under RETURNING is an INSERT, UPDATE or DELETE. */
    @Override
    public boolean modifiesData() {
        return true;
    }

    /** The SQL with tables in mapped schemas; see {@link Query#render(Placeholders, Map)}. */
    @Override
    public RenderedSql render(Placeholders style, Map<String, String> schemas) {
        return statement.render(style, schemas);
    }

    @Override
    public RenderedSql render(Placeholders style) {
        return statement.render(style);
    }

    /** The SQL with values inlined as literals, unbound parameters as {@code :name}; for logs only. */
    @Override
    public String toString() {
        return statement.inline();
    }
}
