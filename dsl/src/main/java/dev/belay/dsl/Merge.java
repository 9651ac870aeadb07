package dev.belay.dsl;

import dev.belay.dsl.internal.MergeNode;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable MERGE (PostgreSQL 15): its WHEN clauses run in the order written, the first whose condition holds
 * for a row acting on it. Executing it gives the number of rows inserted, updated or deleted:
 *
 * <pre>{@code
 * ValuesTable2<String, String> v = values(row("Ann", "ann@x.org"), row("Bob", "bob@x.org")).as("v", "name", "email");
 * mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()))
 *     .whenMatched().thenUpdate(USER.NAME, v.v1())
 *     .whenNotMatched().thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2());
 * // MERGE INTO "users" USING (VALUES (CAST(? AS text), CAST(? AS text)), (?, ?)) AS "v"("name", "email")
 * //   ON "users"."email" = "v"."email" WHEN MATCHED THEN UPDATE SET "name" = "v"."name"
 * //   WHEN NOT MATCHED THEN INSERT ("name", "email") VALUES ("v"."name", "v"."email")
 * }</pre>
 *
 * PostgreSQL 15's MERGE has no RETURNING, so it is a {@link RowCountQuery} only.
 *
 * @param <R> the row type of the table merged into
 */
public sealed class Merge<R> extends MergeClauses<R> implements RowCountQuery permits MergeSet {
    private final Statement statement;

    Merge(Statement statement, Table<R> target) {
        super(target);
        this.statement = statement;
    }

    final Statement statement() {
        return statement;
    }

    final MergeNode node() {
        return (MergeNode) statement.node();
    }

    @Override
    final Statement next(MergeNode.When when) {
        return statement.withNode(node().withWhens(append(node().whens(), when)));
    }

    /** A copy with {@code param} bound to {@code value}; the SQL text is not rendered again. */
    public final <T> Merge<R> bind(Param<T> param, @Nullable T value) {
        return new Merge<>(statement.bind(param, value), target());
    }

    /** Always true: a MERGE changes data. */
    @Override
    public final boolean modifiesData() {
        return true;
    }

    @Override
    public final RenderedSql render(Placeholders style) {
        return statement.render(style);
    }

    /** The SQL with tables in mapped schemas; see {@link Query#render(Placeholders, Map)}. */
    @Override
    public final RenderedSql render(Placeholders style, Map<String, String> schemas) {
        return statement.render(style, schemas);
    }

    /** The SQL with values inlined as literals, unbound parameters as {@code :name}; for logs only. */
    @Override
    public final String toString() {
        return statement.inline();
    }
}
