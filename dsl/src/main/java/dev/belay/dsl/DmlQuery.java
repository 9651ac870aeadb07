package dev.belay.dsl;

import dev.belay.dsl.internal.DmlNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.InsertNode;
import dev.belay.dsl.internal.ScopedWrites;
import dev.belay.dsl.internal.UpdateNode;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An immutable INSERT, UPDATE or DELETE on table {@code R}: a {@link RowCountQuery}, or with
 * {@code returning(...)} a {@link ResultQuery} typed like a SELECT of the same fields:
 *
 * <pre>{@code
 * update(USER).set(USER.AGE, USER.AGE.plus(1)).where(USER.ID.eq(7L)).returning(USER.AGE);
 * // UPDATE "users" SET "age" = "users"."age" + ? WHERE "users"."id" = ? RETURNING "users"."age"
 * }</pre>
 *
 * @param <R> the row type of the changed table
 * @param <Q> the concrete query type, which {@link #bind} returns
 */
public abstract sealed class DmlQuery<R, Q extends DmlQuery<R, Q>> implements RowCountQuery
        permits InsertQuery, InsertDoUpdate, Update, Delete {
    private final Statement statement;
    private final Table<R> table;

    DmlQuery(Statement statement, Table<R> table) {
        this.statement = statement;
        this.table = table;
        if (table.isScoped()) {
            // the renderer applies the same rules; checked here too, so a value outside the scope fails where given
            if (statement.node() instanceof InsertNode i) {
                ScopedWrites.insert(i);
            } else if (statement.node() instanceof UpdateNode u) {
                ScopedWrites.update(u);
            }
        }
    }

    final Statement statement() {
        return statement;
    }

    final DmlNode node() {
        return (DmlNode) statement.node();
    }

    /** The changed table (with its alias, if it has one). */
    public final Table<R> table() {
        return table;
    }

    /** Refuses a statement that is not complete yet; called before it renders or gets RETURNING. */
    void check() {}

    /** A copy of this query (same type, same table and builder state) holding {@code next}. */
    abstract Q with(Statement next);

    /** A copy with {@code param} bound to {@code value}; the SQL text is not rendered again. */
    public final <T> Q bind(Param<T> param, @Nullable T value) {
        return with(statement.bind(param, value));
    }

    // ---- RETURNING ---------------------------------------------------------------------------

    /** {@code .returning(USER.ID)} renders {@code RETURNING "users"."id"}; one value per changed row. */
    public final <A> Returning<A> returning(Field<A> a) {
        return returning(Projection.scalar(a));
    }

    /** {@code .returning(USER.ID, inserted(USER))} gives {@code Tuple2<Long, Boolean>} per changed row. */
    public final <A, B> Returning<Tuple2<A, B>> returning(Field<A> a, Field<B> b) {
        return tuple(Tuple2.class, a, b);
    }

    /** Three fields as a {@link Tuple3}. */
    public final <A, B, C> Returning<Tuple3<A, B, C>> returning(Field<A> a, Field<B> b, Field<C> c) {
        return tuple(Tuple3.class, a, b, c);
    }

    /** Four fields as a {@link Tuple4}. */
    public final <A, B, C, D> Returning<Tuple4<A, B, C, D>> returning(Field<A> a, Field<B> b, Field<C> c, Field<D> d) {
        return tuple(Tuple4.class, a, b, c, d);
    }

    /** Five fields as a {@link Tuple5}. */
    public final <A, B, C, D, E> Returning<Tuple5<A, B, C, D, E>> returning(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e) {
        return tuple(Tuple5.class, a, b, c, d, e);
    }

    /** Six fields as a {@link Tuple6}. */
    public final <A, B, C, D, E, F> Returning<Tuple6<A, B, C, D, E, F>> returning(
            Field<A> a, Field<B> b, Field<C> c, Field<D> d, Field<E> e, Field<F> f) {
        return tuple(Tuple6.class, a, b, c, d, e, f);
    }

    /** Any number of fields as generic {@link Row}s; map them to a record with {@code .into(MyRecord.class)}. */
    public final Returning<Row> returning(Field<?>... fields) {
        return returning(Projection.row("returning", fields));
    }

    /** Whole rows: {@code .returningAll()} renders {@code RETURNING "users"."id", "users"."name", ...}. */
    public final Returning<R> returningAll() {
        return returning(Projection.tableRow(table));
    }

    /** Whole rows as the table's row type: {@code .returning(User.class)} is {@link #returningAll()}. */
    public final Returning<R> returning(Class<R> rowType) {
        return returningAll();
    }

    @SuppressWarnings("rawtypes")
    private <T> Returning<T> tuple(Class tupleType, Field<?>... fields) {
        return returning(Projection.<T>tuple(tupleType, fields));
    }

    private <T> Returning<T> returning(Projection<T> projection) {
        check();
        List<Expr> items = projection.nodes();
        return new Returning<>(statement.withNode(node().withReturning(items)), projection);
    }

    // ---- rendering ---------------------------------------------------------------------------

    /** Always true: an INSERT, UPDATE or DELETE changes data. */
    @Override
    public final boolean modifiesData() {
        return true;
    }

    /** The SQL with tables in mapped schemas; see {@link Query#render(Placeholders, Map)}. */
    @Override
    public final RenderedSql render(Placeholders style, Map<String, String> schemas) {
        check();
        return statement.render(style, schemas);
    }

    @Override
    public final RenderedSql render(Placeholders style) {
        check();
        return statement.render(style);
    }

    /** The SQL with values inlined as literals, unbound parameters as {@code :name}; for logs only. */
    @Override
    public final String toString() {
        return statement.inline();
    }
}
