package dev.belay.executor;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.ResultQuery;
import dev.belay.dsl.internal.ResultMapping;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The per-shape work of one engine, done once and reused: for each statement shape (SQL text and parameter
 * types) its binder plan, and for each result target its mapping plan. A mapping plan is used only for a
 * result whose columns are the ones it was built from ({@link ResultColumns}); otherwise it is rebuilt, so a
 * view re-created while the pool stays open never maps values into the wrong fields.
 */
final class Plans {
    /** Shapes beyond this many are dropped and rebuilt: a guard against unbounded dynamic SQL. */
    private static final int MAX_SHAPES = 10_000;

    private final TypeRegistry types;
    /** By SQL text alone, which almost always decides the parameter types, so a lookup allocates no key. */
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
    /** The rare text also run with other parameter types than the shape {@link #shapes} holds for it. */
    private final Map<ShapeKey, Shape> retyped = new ConcurrentHashMap<>();

    Plans(TypeRegistry types) {
        this.types = types;
    }

    /** The binder and mapping plans of one statement shape. */
    Shape shape(String sql, List<PgType<?>> paramTypes) {
        Shape shape = shapes.get(sql);
        if (shape == null) {
            if (shapes.size() >= MAX_SHAPES) {
                shapes.clear();
            }
            shape = shapes.computeIfAbsent(sql, k -> new Shape(k, List.copyOf(paramTypes), types));
        }
        if (sameTypes(shape.paramTypes, paramTypes)) {
            return shape;
        }
        ShapeKey key = new ShapeKey(sql, List.copyOf(paramTypes));
        shape = retyped.get(key);
        if (shape == null) {
            if (retyped.size() >= MAX_SHAPES) {
                retyped.clear();
            }
            shape = retyped.computeIfAbsent(key, k -> new Shape(k.sql, k.types, types));
        }
        return shape;
    }

    private record ShapeKey(String sql, List<PgType<?>> types) {}

    /** By index: {@code List.equals} would allocate an iterator on every statement. */
    private static boolean sameTypes(List<PgType<?>> a, List<PgType<?>> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What rows are mapped into: a DSL query's result type and fields, or a class by labels. A record given to
     * {@code into(..)} is filled by position ({@code byPosition}); a table's row type by property name, whatever
     * the order of its components.
     */
    record Target(Class<?> type, List<Field<?>> fields, boolean byLabel, boolean byPosition) {
        static Target ofQuery(ResultQuery<?> query) {
            return new Target(query.resultType(), query.fields(), false, ResultMapping.byPosition(query));
        }

        static Target ofLabels(Class<?> type) {
            return new Target(type, List.of(), true, false);
        }

        /** Same type and field types: two queries of one SQL text may read other Java types from it. */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Target t) || t.type != type || t.byLabel != byLabel || t.byPosition != byPosition
                    || t.fields.size() != fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!t.fields.get(i).type().equals(fields.get(i).type())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = type.hashCode();
            for (int i = 0; i < fields.size(); i++) { // by index: an iterator would be allocated per statement
                h = h * 31 + fields.get(i).type().hashCode();
            }
            return h;
        }
    }

    /** One statement shape: binders resolved once, mapping plans per target and column layout. */
    static final class Shape {
        /**
         * The SQL text as first seen, prepared instead of the caller's equal copy: pgjdbc keys its statement cache
         * by the text, and the same instance every time finds its entry by identity rather than by comparing text.
         */
        final String sql;
        final List<PgType<?>> paramTypes;
        final Binders.Binder[] binders;
        private final TypeRegistry types;
        private final Map<Target, Mapping> mappings = new ConcurrentHashMap<>(2);

        private Shape(String sql, List<PgType<?>> paramTypes, TypeRegistry types) {
            this.sql = sql;
            this.paramTypes = paramTypes;
            this.types = types;
            this.binders = new Binders.Binder[paramTypes.size()];
            for (int i = 0; i < binders.length; i++) {
                PgType<?> type = paramTypes.get(i);
                try {
                    binders[i] = Binders.of(type, types);
                } catch (Refused e) {
                    String why = e.getMessage();
                    binders[i] = (c, ps, index, v) -> {
                        throw new Refused(why);
                    };
                }
            }
        }

        /** The mapper for {@code target} on this result, rebuilt when the result's columns changed. */
        @SuppressWarnings("unchecked")
        <T> RowMapper<T> mapper(Target target, ResultSet rs, Connection c) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            Mapping m = mappings.get(target);
            if (m == null || !m.columns.sameAs(md)) {
                m = build(target, md, c);
                mappings.put(target, m);
            }
            return (RowMapper<T>) m.mapper.apply(target.fields());
        }

        private Mapping build(Target target, ResultSetMetaData md, Connection c) throws SQLException {
            ResultColumns columns = ResultColumns.of(md);
            ColumnRef[] cols = columns.refs(columns.typeNames(md, c));
            Function<List<Field<?>>, RowMapper<?>> mapper = target.byLabel()
                    ? RowMappers.forLabels(target.type(), columns, cols, types)
                    : RowMappers.forQuery(target.type(), target.fields(), target.byPosition(), cols, types);
            return new Mapping(columns, mapper);
        }
    }

    /** A mapping plan with the columns it was built from. */
    private record Mapping(ResultColumns columns, Function<List<Field<?>>, RowMapper<?>> mapper) {
        Mapping {
            Objects.requireNonNull(columns);
        }
    }
}
