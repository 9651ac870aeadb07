package dev.belay.dsl;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
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

    private static final ClassValue<Map<String, AccessibleObject>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, AccessibleObject> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    static @Nullable Object read(Column<?, ?> column, Object row) {
        return read(accessor(row.getClass(), column), row.getClass(), column, row);
    }

    /**
     * The columns' accessors on rows of one class, looked up once for all the rows of a batch (most batches hold one
     * class) instead of once per value.
     */
    static AccessibleObject[] accessors(Table<?> table, Class<?> type) {
        Accessors last = table.lastAccessors();
        if (last != null && last.type() == type) {
            return last.accessors();
        }
        List<? extends Column<?, ?>> columns = table.columns();
        AccessibleObject[] found = new AccessibleObject[columns.size()];
        for (int c = 0; c < found.length; c++) {
            found[c] = accessor(type, columns.get(c));
        }
        table.lastAccessors(new Accessors(type, found));
        return found;
    }

    /**
     * A table's columns' accessors on one row class, kept by the table for the next batch: almost every batch of a
     * table holds its row type. Never changed once made; callers only read the array.
     */
    record Accessors(Class<?> type, AccessibleObject[] accessors) {}

    /** Reads {@code column} from {@code row}, an instance of exactly {@code type}, with its accessor there. */
    static @Nullable Object read(AccessibleObject accessor, Class<?> type, Column<?, ?> column, Object row) {
        try {
            return accessor instanceof Method m ? m.invoke(row) : ((java.lang.reflect.Field) accessor).get(row);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("reading " + type.getSimpleName() + "." + column.property()
                    + " for column " + Assignments.name(column) + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(inaccessible(type, column), e);
        }
    }

    private static AccessibleObject accessor(Class<?> type, Column<?, ?> column) {
        Map<String, AccessibleObject> known = ACCESSORS.get(type);
        AccessibleObject accessor = known.get(column.property());
        if (accessor == null) {
            // the lambda captures, so it is made only on a miss
            accessor = known.computeIfAbsent(column.property(), p -> find(type, column));
        }
        return accessor;
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
