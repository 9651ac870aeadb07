package dev.belay.dsl;

import dev.belay.dsl.internal.ArrayView;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.InsertNode;
import dev.belay.dsl.internal.Keyword;
import dev.belay.dsl.internal.Lists;
import dev.belay.dsl.internal.WithNode;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insertInto(USER)}, waiting for its rows: from row objects ({@link #values(Object)}), column by
 * column ({@link #set(Column, Object)}), typed by a column list ({@link #columns(Column, Column)}), from a
 * query ({@link #select(Select)}) or {@link #defaultValues()}.
 *
 * @param <R> the row type of the table inserted into
 */
public final class InsertInto<R> {
    private final Table<R> table;
    private final WithNode with;
    private final boolean overriding;

    InsertInto(Table<R> table, WithNode with, boolean overriding) {
        this.table = table;
        this.with = with;
        this.overriding = overriding;
    }

    private String describe() {
        return "insert into " + table;
    }

    private Statement statement(List<Column<R, ?>> columns, InsertNode.Source source) {
        FromItem.TableItem target = (FromItem.TableItem) table.fromItem();
        return new Statement(new InsertNode(with, target, InsertQuery.names(columns), overriding, source, null,
                List.of()));
    }

    /**
     * Writes the given values into identity columns declared {@code GENERATED ALWAYS}:
     * {@code insertInto(USER).overridingSystemValue().values(u)} renders {@code INSERT INTO "users" (...)
     * OVERRIDING SYSTEM VALUE VALUES (...)}.
     */
    public InsertInto<R> overridingSystemValue() {
        return new InsertInto<>(table, with, true);
    }

    // ---- from row objects --------------------------------------------------------------------

    /**
     * One row from a row object. A generated column is left out when the row's value is null (the database
     * fills it) and written when set: {@code values(new User(null, "Bob", "bob@x.org", 30, null))} renders
     * {@code INSERT INTO "users" ("name", "email", "age") VALUES (?, ?, ?)}.
     *
     * @throws IllegalArgumentException naming the column when a non-nullable column's value is null
     */
    public Insert<R> values(R row) {
        return rows(new Object[] {row});
    }

    /**
     * Several rows in one statement. A generated column is written when any row sets it; rows that leave
     * it null get {@code DEFAULT}: {@code INSERT INTO "users" ("id", "name", ...) VALUES (DEFAULT, ?, ...), (?, ?, ...)}.
     * Beyond 65,535 parameters in all, rendering fails: use {@code db.insert(table, rows)}, which has no such limit, for large batches.
     *
     * @throws IllegalArgumentException when the list is empty, or naming the row and column of a bad value
     */
    public Insert<R> values(List<? extends R> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException(describe() + ": values(rows) needs at least one row");
        }
        // toArray: one pass over any list (get(i) on a linked list would make this quadratic)
        return rows(rows.toArray());
    }

    private Insert<R> rows(Object[] given) {
        List<Column<R, ?>> all = table.columns();
        // A generated column is written only if some row gives it a value: read those first, so that the values
        // need not be kept between this pass and the one that makes the expressions
        boolean[] written = new boolean[all.size()];
        RowReaders read = new RowReaders();
        for (int r = 0; r < given.length; r++) {
            Object row = given[r];
            if (row == null) {
                throw new IllegalArgumentException(describe() + ": row " + r + " is null");
            }
            for (int c = 0; c < written.length; c++) {
                written[c] = written[c] || !all.get(c).isGenerated() || read.value(row, all.get(c), c) != null;
            }
        }
        int count = 0;
        for (boolean w : written) {
            count += w ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException(describe() + ": the rows set no column (every column is generated "
                    + "and null); use defaultValues()");
        }
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of one generic type, never written once wrapped
        Column<R, ?>[] chosen = new Column[count];
        for (int c = 0, i = 0; c < all.size(); c++) {
            if (written[c]) {
                chosen[i++] = all.get(c);
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"}) // an array of one generic type, never written once wrapped
        List<Expr>[] exprs = new List[given.length];
        for (int r = 0; r < given.length; r++) {
            int at = r;
            Supplier<String> statement = given.length == 1 ? this::describe : () -> describe() + " row " + at;
            Expr[] row = new Expr[count];
            int i = 0;
            for (int c = 0; c < all.size(); c++) {
                if (written[c]) {
                    row[i++] = rowValue(statement, all.get(c), read.value(given[r], all.get(c), c));
                }
            }
            exprs[r] = ArrayView.of(row);
        }
        List<Column<R, ?>> columns = Lists.of(chosen);
        return new Insert<>(statement(columns, new InsertNode.Values(ArrayView.of(exprs))), table,
                columns, false);
    }

    /** Reads columns from rows, with the readers of the row class last seen (a batch almost always has one). */
    private final class RowReaders {
        private @Nullable Class<?> type;
        private MethodHandle[] readers = {};

        @Nullable Object value(Object row, Column<R, ?> column, int index) {
            if (row.getClass() != type) {
                type = row.getClass();
                readers = RowValues.readers(table, type);
            }
            return RowValues.read(readers[index], type, column, row);
        }
    }

    private Expr rowValue(Supplier<String> statement, Column<R, ?> column, @Nullable Object value) {
        if (value == null && column.isGenerated()) {
            return Keyword.DEFAULT;
        }
        return Assignments.insertValue(statement, table, column, value);
    }

    // ---- column by column --------------------------------------------------------------------

    /** {@code insertInto(USER).set(USER.NAME, "Ann")} renders {@code INSERT INTO "users" ("name") VALUES (?)}. */
    public <T> Insert<R> set(Column<R, T> column, @Nullable T value) {
        return empty().set(column, value);
    }

    /** {@code insertInto(USER).set(USER.CREATED_AT, now())} renders {@code ... ("created_at") VALUES (now())}. */
    public <T> Insert<R> set(Column<R, T> column, Field<T> value) {
        return empty().set(column, value);
    }

    /** {@code insertInto(USER).setNull(USER.AGE)} renders {@code ... ("age") VALUES (?)} with a typed NULL. */
    public Insert<R> setNull(Column<R, ?> column) {
        return empty().setNull(column);
    }

    private Insert<R> empty() {
        return new Insert<>(statement(List.of(), new InsertNode.Values(List.of(List.of()))), table, List.of(), true);
    }

    // ---- typed column lists ------------------------------------------------------------------

    /** {@code .columns(USER.NAME).values("Bob")} renders {@code INSERT INTO "users" ("name") VALUES (?)}. */
    public <A> InsertValues1<R, A> columns(Column<R, A> a) {
        List<Column<R, ?>> list = list(a);
        return new InsertValues1<>(rows(list), table, list);
    }

    /** {@code .columns(USER.NAME, USER.EMAIL).values(a, b).values(c, d)} renders {@code ... VALUES (?, ?), (?, ?)}. */
    public <A, B> InsertValues2<R, A, B> columns(Column<R, A> a, Column<R, B> b) {
        List<Column<R, ?>> list = list(a, b);
        return new InsertValues2<>(rows(list), table, list);
    }

    /** Three columns; see {@link #columns(Column, Column)}. */
    public <A, B, C> InsertValues3<R, A, B, C> columns(Column<R, A> a, Column<R, B> b, Column<R, C> c) {
        List<Column<R, ?>> list = list(a, b, c);
        return new InsertValues3<>(rows(list), table, list);
    }

    /** Four columns; see {@link #columns(Column, Column)}. */
    public <A, B, C, D> InsertValues4<R, A, B, C, D> columns(Column<R, A> a, Column<R, B> b, Column<R, C> c,
                                                             Column<R, D> d) {
        List<Column<R, ?>> list = list(a, b, c, d);
        return new InsertValues4<>(rows(list), table, list);
    }

    /** Five columns; see {@link #columns(Column, Column)}. */
    public <A, B, C, D, E> InsertValues5<R, A, B, C, D, E> columns(Column<R, A> a, Column<R, B> b, Column<R, C> c,
                                                                   Column<R, D> d, Column<R, E> e) {
        List<Column<R, ?>> list = list(a, b, c, d, e);
        return new InsertValues5<>(rows(list), table, list);
    }

    /** Six columns; see {@link #columns(Column, Column)}. */
    public <A, B, C, D, E, F> InsertValues6<R, A, B, C, D, E, F> columns(
            Column<R, A> a, Column<R, B> b, Column<R, C> c, Column<R, D> d, Column<R, E> e, Column<R, F> f) {
        List<Column<R, ?>> list = list(a, b, c, d, e, f);
        return new InsertValues6<>(rows(list), table, list);
    }

    /** Any number of columns, each row checked when added; see {@link InsertValuesN}. */
    @SafeVarargs
    public final InsertValuesN<R> columns(Column<R, ?>... columns) {
        List<Column<R, ?>> list = list(columns);
        return new InsertValuesN<>(rows(list), table, list);
    }

    /** The column list, refusing a null with a message rather than List.of's NullPointerException. */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array; it is never stored or written
    private List<Column<R, ?>> list(Column<R, ?>... columns) {
        for (Column<R, ?> c : columns) {
            Assignments.requireColumn(this::describe, c);
        }
        return List.of(columns);
    }

    private Statement rows(List<Column<R, ?>> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(describe() + ": columns() needs at least one column");
        }
        List<Column<R, ?>> list = new ArrayList<>();
        for (Column<R, ?> c : columns) {
            Assignments.requireColumnOf(this::describe, table, c);
            for (Column<R, ?> earlier : list) {
                if (earlier.name().equals(c.name())) {
                    throw new IllegalArgumentException(describe() + ": columns(...) names " + c.name() + " twice");
                }
            }
            list.add(c);
        }
        return statement(list, new InsertNode.Values(List.of()));
    }

    // ---- other sources -----------------------------------------------------------------------

    /**
     * Rows of the table's own type from a query, into every column: {@code insertInto(ARCHIVE).select(
     * select(USER).where(...))} renders {@code INSERT INTO "archive" ("id", ...) SELECT "users"."id", ...}.
     */
    public Insert<R> select(Select<R> query) {
        return new InsertValuesN<>(rows(table.columns()), table, table.columns()).select(query);
    }

    /** {@code insertInto(EVENT).defaultValues()} renders {@code INSERT INTO "events" DEFAULT VALUES}. */
    public Insert<R> defaultValues() {
        return new Insert<>(statement(List.of(), new InsertNode.DefaultValues()), table, List.of(), false);
    }
}
