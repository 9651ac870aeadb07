package dev.belay.dsl;

import dev.belay.dsl.internal.ColumnList;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Lists;
import dev.belay.dsl.internal.ResultMapping;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What a query returns: its fields and how a row of them becomes an {@code R}. */
record Projection<R>(Kind kind, Class<R> type, List<Field<?>> fields, @Nullable Table<?> table, List<Expr> nodes) {

    static {
        // every query has a projection, so this runs before the executor can ask about one
        ResultMapping.install(query -> query instanceof Select<?> s ? s.projection().kind() == Kind.RECORD
                : query instanceof Returning<?> r && r.projection().kind() == Kind.RECORD);
    }

    Projection(Kind kind, Class<R> type, List<Field<?>> fields, @Nullable Table<?> table) {
        this(kind, type, fields, table, nodesOf(fields));
    }

    enum Kind {
        /** Rows of a table's row type, from all its columns. */
        TABLE_ROW,
        /** One field's value per row. */
        SCALAR,
        /** A {@code TupleN} of the fields. */
        TUPLE,
        /** A user record built from the fields by position, see {@code into}. */
        RECORD,
        /** A generic {@link Row}. */
        ROW
    }

    /** Every column of a table, read as its row type. */
    static <R> Projection<R> tableRow(Table<R> table) {
        return table.rowProjection();
    }

    /** What {@link Table#rowProjection()} holds; built there, once. */
    static <R> Projection<R> ofTableRow(Table<R> table) {
        List<Field<?>> fields = List.copyOf(table.columns());
        return new Projection<>(Kind.TABLE_ROW, table.rowType(), fields, table, ColumnList.of(nodeArray(fields)));
    }

    /** One field's value per row. */
    static <A> Projection<A> scalar(Field<A> field) {
        return new Projection<>(Kind.SCALAR, field.type().javaType(), List.of(field), null);
    }

    /** A {@code TupleN} of the fields; the caller's signature ties {@code T} to that tuple's type arguments. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Projection<T> tuple(Class tupleType, Field<?>... fields) {
        return new Projection<T>(Kind.TUPLE, tupleType, List.of(fields), null);
    }

    /** Generic {@link Row}s of any number of fields. */
    static Projection<Row> row(String method, Field<?>... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException(method + "() needs at least one field");
        }
        return new Projection<>(Kind.ROW, Row.class, List.of(fields), null);
    }

    /** The same fields read into {@code recordType} by position (see {@code into}); their expressions are reused. */
    <T> Projection<T> asRecord(Class<T> recordType) {
        return new Projection<>(Kind.RECORD, recordType, fields, null, nodes);
    }

    /** The fields' expressions, once per projection: a table's row projection is built once per table. */
    private static List<Expr> nodesOf(List<Field<?>> fields) {
        return fields.size() == 1 ? List.of(fields.get(0).node()) : Lists.of(nodeArray(fields));
    }

    private static Expr[] nodeArray(List<Field<?>> fields) {
        Expr[] nodes = new Expr[fields.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = fields.get(i).node();
        }
        return nodes;
    }

    /** The column labels of the result, or null where an expression has no name. */
    List<@Nullable String> outputNames() {
        List<@Nullable String> names = new ArrayList<>(fields.size());
        for (Field<?> f : fields) {
            names.add(f.outputName());
        }
        return names;
    }
}
