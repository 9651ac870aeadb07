package dev.belay.dsl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a column's value out of a row object for {@code insertInto(T).values(row)}: a record's accessor,
 * else a public getter, else the field itself. Accessors are looked up once per class and property.
 */
final class RowValues {
    private RowValues() {}

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** Per row class and property, its reader: made once, since making a method handle costs far more than a call. */
    private static final ClassValue<Map<String, MethodHandle>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * The columns' readers on rows of one class, looked up once for all the rows of a batch (most batches hold one
     * class) instead of once per value.
     */
    static MethodHandle[] readers(Table<?> table, Class<?> type) {
        Accessors last = table.lastAccessors();
        if (last != null && last.type() == type) {
            return last.readers();
        }
        List<? extends Column<?, ?>> columns = table.columns();
        MethodHandle[] found = new MethodHandle[columns.size()];
        for (int c = 0; c < found.length; c++) {
            found[c] = reader(type, columns.get(c));
        }
        table.lastAccessors(new Accessors(type, found));
        return found;
    }

    /**
     * A table's columns' readers on one row class, kept by the table for the next batch: almost every batch of a
     * table holds its row type. Never changed once made; callers only read the array.
     */
    record Accessors(Class<?> type, MethodHandle[] readers) {}

    /**
     * The accessor as a handle of type {@code (Object)Object}: {@code Method.invoke} passed an empty varargs array
     * and went through reflection's checks for every value of a batch.
     */
    private static MethodHandle reader(AccessibleObject accessor, Class<?> type, Column<?, ?> column) {
        try {
            MethodHandle handle = accessor instanceof Method m ? LOOKUP.unreflect(m)
                    : LOOKUP.unreflectGetter((java.lang.reflect.Field) accessor);
            return handle.asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(inaccessible(type, column), e);
        }
    }

    /** Reads {@code column} from {@code row}, an instance of exactly {@code type}, with its reader there. */
    static @Nullable Object read(MethodHandle reader, Class<?> type, Column<?, ?> column, Object row) {
        try {
            return (Object) reader.invokeExact(row);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException("reading " + type.getSimpleName() + "." + column.property()
                    + " for column " + Assignments.name(column) + " threw " + e, e);
        }
    }

    static @Nullable Object read(Column<?, ?> column, Object row) {
        Class<?> type = row.getClass();
        return read(reader(type, column), type, column, row);
    }

    private static MethodHandle reader(Class<?> type, Column<?, ?> column) {
        Map<String, MethodHandle> known = READERS.get(type);
        MethodHandle reader = known.get(column.property());
        if (reader == null) {
            // the lambda captures, so it is made only on a miss
            reader = known.computeIfAbsent(column.property(), p -> reader(find(type, column), type, column));
        }
        return reader;
    }

    private static AccessibleObject find(Class<?> type, Column<?, ?> column) {
        String property = column.property();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(property)) {
                    return open(rc.getAccessor(), type, column);
                }
            }
        } else {
            String cap = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
            for (String getter : new String[] {"get" + cap, "is" + cap, property}) {
                try {
                    Method m = type.getMethod(getter);
                    if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
                        return open(m, type, column);
                    }
                } catch (NoSuchMethodException e) {
                    // try the next spelling, then the field
                }
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    return open(c.getDeclaredField(property), type, column);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
        }
        throw new IllegalArgumentException(type.getName() + " has no property \"" + property + "\" for column "
                + Assignments.name(column) + " (no record component, getter or field of that name; map the column to "
                + "another name with property(\"javaName\") in the descriptor)");
    }

    private static AccessibleObject open(AccessibleObject accessor, Class<?> type, Column<?, ?> column) {
        try {
            accessor.setAccessible(true);
        } catch (InaccessibleObjectException | SecurityException e) {
            throw new IllegalArgumentException(inaccessible(type, column), e);
        }
        return accessor;
    }

    private static String inaccessible(Class<?> type, Column<?, ?> column) {
        return "cannot read " + type.getName() + "." + column.property() + " for column " + Assignments.name(column)
                + ": make the type public, or open its package to dev.belay.dsl";
    }
}
