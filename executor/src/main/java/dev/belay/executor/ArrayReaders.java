package dev.belay.executor;

import dev.belay.dsl.PgInterval;
import java.lang.reflect.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a PostgreSQL array column into a {@code List} or a Java array of the declared element type. Date and
 * time elements are read one by one through the array's own result set as java.time values: pgjdbc's
 * {@code getArray()} gives {@code java.sql.Date}/{@code Timestamp}, whose hybrid Julian calendar shifts
 * dates before 1582 by days. Interval elements are read from their text, which Belay reads in every IntervalStyle.
 */
final class ArrayReaders {
    private ArrayReaders() {}

    static Reader reader(Class<?> target, Class<?> element, ColumnRef col) {
        Class<?> e = element.isPrimitive() ? Readers.box(element) : element;
        Elements items = isTemporal(e) ? temporal(e) : e == Duration.class || e == PgInterval.class
                ? intervals(e, col) : converted(e, col);
        return (rs, i) -> {
            java.sql.Array array = rs.getArray(i);
            if (array == null) {
                return null;
            }
            List<@Nullable Object> list;
            try {
                list = items.read(array);
            } finally {
                array.free();
            }
            return target.isArray() ? toArray(list, element, col) : Collections.unmodifiableList(list);
        };
    }

    /** Reads every element of one array value; chosen once per query shape. */
    @FunctionalInterface
    private interface Elements {
        List<@Nullable Object> read(java.sql.Array array) throws SQLException;
    }

    private static boolean isTemporal(Class<?> e) {
        return e == LocalDate.class || e == LocalDateTime.class || e == LocalTime.class || e == OffsetDateTime.class
                || e == Instant.class;
    }

    /** Reads the element on the current row of an array's result set, whose column 2 holds the value. */
    @FunctionalInterface
    private interface Item {
        @Nullable Object read(ResultSet items) throws SQLException;
    }

    /** Elements through the array's result set, one row per element. */
    private static Elements rows(Item item) {
        return array -> {
            List<@Nullable Object> list = new ArrayList<>();
            try (ResultSet items = array.getResultSet()) {
                while (items.next()) {
                    list.add(item.read(items));
                }
            }
            return list;
        };
    }

    /** Each element read as java.time. */
    private static Elements temporal(Class<?> e) {
        return rows(items -> e == Instant.class ? Readers.instant(items.getObject(2, OffsetDateTime.class))
                : items.getObject(2, e));
    }

    /** Each element's text read as an interval, as {@link Readers#interval} reads a column. */
    private static Elements intervals(Class<?> e, ColumnRef col) {
        return rows(items -> e == Duration.class ? Readers.duration(items.getString(2), col)
                : Readers.interval(items.getString(2)));
    }

    /** Elements as pgjdbc gives them, checked or converted to the element type. */
    private static Elements converted(Class<?> e, ColumnRef col) {
        Function<@Nullable Object, @Nullable Object> convert = element(e, col);
        return array -> {
            Object[] raw = (Object[]) array.getArray();
            List<@Nullable Object> list = new ArrayList<>(raw.length);
            for (Object item : raw) {
                list.add(convert.apply(item));
            }
            return list;
        };
    }

    private static Function<@Nullable Object, @Nullable Object> element(Class<?> e, ColumnRef col) {
        if (e.isEnum()) {
            return v -> v == null ? null : Readers.enumConstant(e, v.toString(), col);
        }
        if (e == String.class) {
            return v -> v == null ? null : v.toString();
        }
        if (e == Object.class) {
            return v -> v;
        }
        return v -> {
            if (v != null && !e.isInstance(v)) {
                throw col.error("an array element is a " + v.getClass().getName() + ", not " + e.getName()
                        + "; declare the element type the array holds", null);
            }
            return v;
        };
    }

    private static Object toArray(List<@Nullable Object> list, Class<?> element, ColumnRef col) {
        Object array = Array.newInstance(element, list.size());
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            if (v == null && element.isPrimitive()) {
                throw col.error("array element " + i + " is NULL but the Java array holds " + element.getName()
                        + "; use a List or an array of a boxed type", null);
            }
            Array.set(array, i, v);
        }
        return array;
    }
}
