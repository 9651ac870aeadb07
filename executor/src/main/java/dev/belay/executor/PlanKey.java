package dev.belay.executor;

import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import java.util.List;
import java.util.Objects;

/**
 * What a row-mapping plan depends on: the SQL text, the Java result type, and the PostgreSQL types the
 * readers were built for. Two queries can render the same text ({@code SELECT ?, ?}) with other types in
 * it, so the types are part of the key. The key compares them in place, without copying them per call.
 *
 * @param shape a query's fields (a DSL query) or its parameter types (raw SQL, where the result types follow
 *              from the SQL and what is bound)
 */
record PlanKey(String sql, Class<?> type, boolean byLabel, List<?> shape, int hash) {

    static PlanKey ofFields(String sql, Class<?> type, List<Field<?>> fields) {
        return new PlanKey(sql, type, false, fields, hash(sql, type, fields));
    }

    static PlanKey ofParams(String sql, Class<?> type, List<PgType<?>> params) {
        return new PlanKey(sql, type, true, params, hash(sql, type, params));
    }

    private static int hash(String sql, Class<?> type, List<?> shape) {
        int h = sql.hashCode() * 31 + type.hashCode();
        for (int i = 0; i < shape.size(); i++) {
            h = h * 31 + typeAt(shape, i).hashCode();
        }
        return h;
    }

    private static PgType<?> typeAt(List<?> shape, int i) {
        Object item = shape.get(i);
        return item instanceof Field<?> f ? f.type() : (PgType<?>) Objects.requireNonNull(item);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlanKey k) || k.hash != hash || k.byLabel != byLabel || k.type != type
                || !k.sql.equals(sql) || k.shape.size() != shape.size()) {
            return false;
        }
        for (int i = 0; i < shape.size(); i++) {
            if (!typeAt(shape, i).equals(typeAt(k.shape, i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
