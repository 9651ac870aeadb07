package dev.belay.executor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Readers for record components declared as primitives ({@code long id}) that hand the constructor the primitive
 * itself, instead of boxing each value only for the constructor call to unbox it. They exist only where the
 * column's type holds the Java type exactly (an integer column into int, long or short, float4 or float8 into
 * double, float4 into float, bool into boolean); every other pairing, such as numeric into int, which is checked
 * per value, takes the boxed path of {@link Readers}. The errors are that path's, word for word: NULL is refused
 * naming the column, and a value the type cannot hold (an int8 beyond int) is a {@link MappingException}.
 */
final class PrimitiveReaders {
    private PrimitiveReaders() {}

    /**
     * A handle {@code (ResultSet) -> target} reading 1-based {@code column}, or null when this pairing takes the
     * boxed path.
     */
    static @Nullable MethodHandle of(Class<?> target, ColumnRef col, int column, TypeRegistry types) {
        if (!target.isPrimitive() || types.converter(Readers.box(target)) != null) {
            return null;
        }
        PgKind kind = PgKind.of(col.dbType());
        String name = kind == PgKind.INTEGER && target == int.class ? "int4"
                : kind == PgKind.INTEGER && target == long.class ? "int8"
                : kind == PgKind.INTEGER && target == short.class ? "int2"
                : kind == PgKind.FLOAT && target == double.class ? "float8"
                : kind == PgKind.FLOAT && target == float.class && col.dbType().equals("float4") ? "float4"
                : kind == PgKind.BOOL && target == boolean.class ? "bool" : null;
        if (name == null) {
            return null;
        }
        try {
            MethodHandle read = MethodHandles.lookup().findStatic(PrimitiveReaders.class, name,
                    MethodType.methodType(target, ColumnRef.class, ResultSet.class, int.class));
            return MethodHandles.insertArguments(MethodHandles.insertArguments(read, 2, column), 0, col);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PrimitiveReaders." + name + " is missing", e);
        }
    }

    private static int int4(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            int v = rs.getInt(i);
            if (v == 0 && rs.wasNull()) {
                throw Readers.refusedNull(int.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, int.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(int.class, col, e);
        }
    }

    private static long int8(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            long v = rs.getLong(i);
            if (v == 0 && rs.wasNull()) {
                throw Readers.refusedNull(long.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, long.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(long.class, col, e);
        }
    }

    private static short int2(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            short v = rs.getShort(i);
            if (v == 0 && rs.wasNull()) {
                throw Readers.refusedNull(short.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, short.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(short.class, col, e);
        }
    }

    private static double float8(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            double v = rs.getDouble(i);
            if (v == 0 && rs.wasNull()) {
                throw Readers.refusedNull(double.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, double.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(double.class, col, e);
        }
    }

    private static float float4(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            float v = rs.getFloat(i);
            if (v == 0 && rs.wasNull()) {
                throw Readers.refusedNull(float.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, float.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(float.class, col, e);
        }
    }

    private static boolean bool(ColumnRef col, ResultSet rs, int i) throws SQLException {
        try {
            boolean v = rs.getBoolean(i);
            if (!v && rs.wasNull()) {
                throw Readers.refusedNull(boolean.class, col);
            }
            return v;
        } catch (SQLException e) {
            throw Readers.outOfRange(e, boolean.class, col);
        } catch (BelayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Readers.unreadable(boolean.class, col, e);
        }
    }
}
