package dev.belay.executor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Readers of numeric columns into Java number types that never lose a value silently: a type that always
 * fits is read directly; one that may not (numeric or float into an integer, int8 or numeric into a double)
 * is checked per value, and a value with a fraction, out of range, or not representable is a
 * {@link MappingException} naming the column, its PostgreSQL type and the Java type.
 */
final class NumberReaders {
    private NumberReaders() {}

    static Reader integer(Class<?> t, PgKind kind, ColumnRef col) {
        if (kind == PgKind.INTEGER) {
            if (t == Integer.class) {
                return (rs, i) -> {
                    int v = rs.getInt(i);
                    return v == 0 && rs.wasNull() ? null : v;
                };
            }
            if (t == Long.class) {
                return (rs, i) -> {
                    long v = rs.getLong(i);
                    return v == 0 && rs.wasNull() ? null : v;
                };
            }
            return (rs, i) -> {
                short v = rs.getShort(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (kind != PgKind.NUMERIC && kind != PgKind.FLOAT) {
            throw Readers.incompatible(t, col);
        }
        return (rs, i) -> {
            BigDecimal d = decimal(rs, i, t, col);
            if (d == null) {
                return null;
            }
            try {
                return t == Integer.class ? (Object) d.intValueExact()
                        : t == Long.class ? (Object) d.longValueExact() : (Object) d.shortValueExact();
            } catch (ArithmeticException e) {
                throw col.error("the value " + (d.stripTrailingZeros().scale() > 0 ? "has a fraction" : "is out of "
                        + "range") + ", so it cannot be read as " + t.getName() + " without loss; read it as "
                        + "BigDecimal, or round it in SQL", e);
            }
        };
    }

    static Reader decimal(PgKind kind, ColumnRef col) {
        if (kind != PgKind.INTEGER && kind != PgKind.NUMERIC && kind != PgKind.FLOAT) {
            throw Readers.incompatible(BigDecimal.class, col);
        }
        return (rs, i) -> decimal(rs, i, BigDecimal.class, col);
    }

    /**
     * The value as a BigDecimal, read for {@code target}. NaN and ±Infinity have none: the driver refuses them with
     * a data exception, which then becomes an error saying so (read only after that refusal, so it costs nothing
     * otherwise).
     */
    private static @Nullable BigDecimal decimal(ResultSet rs, int i, Class<?> target, ColumnRef col)
            throws SQLException {
        try {
            return rs.getBigDecimal(i);
        } catch (SQLException e) {
            String text = rs.getString(i);
            if ("NaN".equals(text) || "Infinity".equals(text) || "-Infinity".equals(text)) {
                throw col.error("the value is " + text + ", which " + target.getName() + " cannot hold; read it "
                        + "as Double, or leave it out in SQL", e);
            }
            throw e;
        }
    }

    static Reader floating(Class<?> t, String dbType, PgKind kind, ColumnRef col) {
        boolean isDouble = t == Double.class;
        if (kind == PgKind.FLOAT && (isDouble || dbType.equals("float4"))) {
            return isDouble ? (rs, i) -> {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v;
            } : (rs, i) -> {
                float v = rs.getFloat(i);
                return v == 0 && rs.wasNull() ? null : v;
            };
        }
        if (kind != PgKind.FLOAT && kind != PgKind.INTEGER && kind != PgKind.NUMERIC) {
            throw Readers.incompatible(t, col);
        }
        return (rs, i) -> {
            String text = rs.getString(i);
            if (text == null) {
                return null;
            }
            double d = Double.parseDouble(text); // PostgreSQL's NaN and ±Infinity parse too
            if (!isDouble && !Double.isInfinite(d) && Float.isInfinite((float) d)) {
                throw col.error("the value " + text + " is beyond the range of " + t.getName() + "; read it as "
                        + "Double or BigDecimal", null);
            }
            Object v = isDouble ? (Object) d : (Object) (float) d;
            if (!Double.isNaN(d) && !Double.isInfinite(d) && !exact(text, isDouble ? Double.toString(d)
                    : Float.toString((float) d))) {
                throw col.error("the value does not fit " + t.getName() + " without loss of precision; read it as "
                        + (isDouble ? "BigDecimal" : "Double or BigDecimal"), null);
            }
            return v;
        };
    }

    /** The decimal value PostgreSQL sent and the one the Java number stands for are the same number. */
    private static boolean exact(String sent, String kept) {
        return new BigDecimal(sent).compareTo(new BigDecimal(kept)) == 0;
    }
}
