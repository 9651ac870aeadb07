package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.Field;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.dsl.Tuple5;
import dev.belay.dsl.Tuple6;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds the mapping plan for a result: one {@link Reader} per column and one way to assemble the row
 * object. Everything reflective happens here, once per query shape; per row only readers and a cached
 * method handle run.
 */
final class RowMappers {
    private RowMappers() {}

    /**
     * A plan for a DSL query: columns by position, since the query knows its shape.
     *
     * @param fields the query's fields, in result-column order
     */
    static RowMapper<?> forQuery(Class<?> type, List<Field<?>> fields, ResultSetMetaData md, TypeRegistry types)
            throws SQLException {
        int n = md.getColumnCount();
        if (n != fields.size()) {
            throw new MappingException("the query selects " + fields.size() + " fields but the result has " + n
                    + " columns", null, null, null, null, null, null);
        }
        if (type == Row.class) {
            Reader[] readers = fieldReaders(fields, md, types);
            List<Field<?>> copy = List.copyOf(fields);
            return rs -> Row.of(copy, Arrays.asList(readAll(readers, rs)));
        }
        if (isTuple(type)) {
            Reader[] readers = fieldReaders(fields, md, types);
            return rs -> tuple(readAll(readers, rs));
        }
        if (n == 1 && type == fields.get(0).type().javaType()) {
            // select(field): the row is the field's value, whatever its Java type (a json record, a converted type)
            Reader reader = fieldReader(fields.get(0), md, 0, types);
            return rs -> reader.read(rs, 1);
        }
        boolean byProperty = true;
        String[] names = new String[n];
        boolean[] nonNull = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (fields.get(i) instanceof Column<?, ?> c && c.table().rowType() == type) {
                names[i] = c.property();
                nonNull[i] = !c.isNullable();
            } else {
                byProperty = false;
            }
        }
        if (type.isRecord() && !byProperty) {
            return recordByPosition(type, md, types);
        }
        return byName(type, names, nonNull, md, types);
    }

    /** A plan for raw SQL: a scalar, a {@link Row}, or a record/class whose properties match the column labels. */
    static RowMapper<?> forLabels(Class<?> type, ResultSetMetaData md, TypeRegistry types) throws SQLException {
        int n = md.getColumnCount();
        if (type == Row.class) {
            Reader[] readers = new Reader[n];
            List<String> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                readers[i] = Readers.natural(md.getColumnTypeName(i + 1), label(md, i), types);
                labels.add(md.getColumnLabel(i + 1));
            }
            List<String> copy = List.copyOf(labels);
            return rs -> Row.ofLabels(copy, Arrays.asList(readAll(readers, rs)));
        }
        if (n == 1 && (isValue(type, types) || types.json() != null && Readers.isJson(md.getColumnTypeName(1)))) {
            Reader reader = Readers.forType(type, null, md.getColumnTypeName(1), label(md, 0), false, types);
            return rs -> reader.read(rs, 1);
        }
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = camel(md.getColumnLabel(i + 1));
        }
        return byName(type, names, new boolean[n], md, types);
    }

    /** One reader per field, each reading the Java type its field declares. */
    private static Reader[] fieldReaders(List<Field<?>> fields, ResultSetMetaData md, TypeRegistry types)
            throws SQLException {
        Reader[] readers = new Reader[fields.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = fieldReader(fields.get(i), md, i, types);
        }
        return readers;
    }

    /** Reads the Java type a field declares; an array field's PgType gives the element type. */
    private static Reader fieldReader(Field<?> field, ResultSetMetaData md, int i, TypeRegistry types)
            throws SQLException {
        PgType<?> element = field.type().elementType();
        return Readers.forType(field.type().javaType(), element == null ? null : element.javaType(),
                md.getColumnTypeName(i + 1), label(md, i), false, types);
    }


    private static @Nullable Object[] readAll(Reader[] readers, java.sql.ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
        return values;
    }

    private static RowMapper<?> recordByPosition(Class<?> type, ResultSetMetaData md, TypeRegistry types)
            throws SQLException {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != md.getColumnCount()) {
            throw new MappingException(type.getSimpleName() + " has " + components.length + " components but the "
                    + "result has " + md.getColumnCount() + " columns", null, null, null, null, null, null);
        }
        Reader[] readers = new Reader[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            readers[i] = Readers.forType(rc.getType(), rc.getGenericType(), md.getColumnTypeName(i + 1),
                    label(md, i) + " -> " + type.getSimpleName() + "." + rc.getName(), false, types);
        }
        MethodHandle constructor = canonical(type);
        return rs -> construct(constructor, readAll(readers, rs), type);
    }

    /** Records by component name, classes by setter or field name, each matched to a column. */
    private static RowMapper<?> byName(Class<?> type, String[] names, boolean[] nonNull, ResultSetMetaData md,
                                       TypeRegistry types) throws SQLException {
        int n = names.length;
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            int[] columnOf = new int[components.length];
            Reader[] readers = new Reader[components.length];
            for (int c = 0; c < components.length; c++) {
                RecordComponent rc = components[c];
                int col = indexOf(names, rc.getName());
                if (col < 0) {
                    throw new MappingException(type.getSimpleName() + "." + rc.getName() + " has no column in the "
                            + "result " + labels(md), null, null, null, null, null, null);
                }
                columnOf[c] = col + 1;
                readers[c] = Readers.forType(rc.getType(), rc.getGenericType(), md.getColumnTypeName(col + 1),
                        label(md, col) + " -> " + type.getSimpleName() + "." + rc.getName(), nonNull[col], types);
            }
            MethodHandle constructor = canonical(type);
            return rs -> {
                Object[] args = new Object[readers.length];
                for (int c = 0; c < readers.length; c++) {
                    args[c] = readers[c].read(rs, columnOf[c]);
                }
                return construct(constructor, args, type);
            };
        }
        MethodHandle create = noArg(type);
        MethodHandle[] setters = new MethodHandle[n];
        Reader[] readers = new Reader[n];
        String[] columns = new String[n];
        for (int i = 0; i < n; i++) {
            columns[i] = label(md, i);
            Property p = Property.find(type, names[i], label(md, i));
            setters[i] = p.setter();
            readers[i] = Readers.forType(p.type(), p.generic(), md.getColumnTypeName(i + 1),
                    label(md, i) + " -> " + type.getSimpleName() + "." + names[i], nonNull[i], types);
        }
        return rs -> {
            Object bean;
            try {
                bean = create.invoke();
            } catch (Throwable e) {
                throw new MappingException("the no-argument constructor of " + type.getName() + " threw " + e, e,
                        null, null, null, null, null);
            }
            for (int i = 0; i < setters.length; i++) {
                Object value = readers[i].read(rs, i + 1);
                try {
                    setters[i].invoke(bean, value);
                } catch (Throwable e) {
                    throw new MappingException("writing column " + columns[i] + " into " + type.getSimpleName() + "."
                            + names[i] + " threw " + e, e, null, null, null, columns[i], null);
                }
            }
            return bean;
        };
    }

    private static Object construct(MethodHandle constructor, @Nullable Object[] args, Class<?> type) {
        try {
            return constructor.invokeExact(args);
        } catch (RuntimeException e) {
            throw new MappingException("the constructor of " + type.getName() + " threw " + e, e, null, null, null,
                    null, null);
        } catch (Throwable e) {
            throw new MappingException("creating " + type.getName() + " failed: " + e, e, null, null, null, null, null);
        }
    }

    private static MethodHandle canonical(Class<?> type) {
        Class<?>[] params = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> c = type.getDeclaredConstructor(params);
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c).asSpreader(Object[].class, params.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("cannot use the canonical constructor of " + type.getName() + ": " + e
                    + " (on the module path, open its package to dev.belay.executor)", e, null, null, null, null, null);
        }
    }

    private static MethodHandle noArg(Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c).asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(type.getName() + " is not a record and has no usable no-argument constructor: "
                    + e, e, null, null, null, null, null);
        }
    }

    /** Read as one column's value: a built-in, enum, list or array type, or one a Converter handles (records too). */
    private static boolean isValue(Class<?> type, TypeRegistry types) {
        return types.converter(type) != null || !type.isRecord() && !isBean(type, types);
    }

    /** A class mapped by properties rather than read as one value: not a built-in, converted or enum type. */
    private static boolean isBean(Class<?> type, TypeRegistry types) {
        return !Readers.isBuiltin(type) && types.converter(type) == null && !type.isEnum() && !type.isArray()
                && !List.class.isAssignableFrom(type) && type != Object.class && !Modifier.isAbstract(type.getModifiers());
    }

    static boolean isTuple(Class<?> type) {
        return type == Tuple2.class || type == Tuple3.class || type == Tuple4.class || type == Tuple5.class
                || type == Tuple6.class;
    }

    private static Object tuple(@Nullable Object[] v) {
        return switch (v.length) {
            case 2 -> new Tuple2<>(v[0], v[1]);
            case 3 -> new Tuple3<>(v[0], v[1], v[2]);
            case 4 -> new Tuple4<>(v[0], v[1], v[2], v[3]);
            case 5 -> new Tuple5<>(v[0], v[1], v[2], v[3], v[4]);
            case 6 -> new Tuple6<>(v[0], v[1], v[2], v[3], v[4], v[5]);
            default -> throw new IllegalStateException("no tuple of " + v.length);
        };
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    static String label(ResultSetMetaData md, int index) throws SQLException {
        return "\"" + md.getColumnLabel(index + 1) + "\"";
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            labels.add(md.getColumnLabel(i));
        }
        return labels;
    }

    /** {@code created_at} → {@code createdAt}. */
    static String camel(String label) {
        StringBuilder b = new StringBuilder(label.length());
        boolean up = false;
        for (char ch : label.toCharArray()) {
            if (ch == '_') {
                up = b.length() > 0;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** A writable property of a class: a public setter, else the field itself. */
    private record Property(Class<?> type, @Nullable Type generic, MethodHandle setter) {
        static Property find(Class<?> owner, String name, String column) {
            String setterName = "set" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            for (Method m : owner.getMethods()) {
                if (m.getName().equals(setterName) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                    try {
                        // a public setter of a non-public class is only reachable once made accessible
                        m.setAccessible(true);
                        return new Property(m.getParameterTypes()[0], m.getGenericParameterTypes()[0],
                                adapt(MethodHandles.lookup().unreflect(m)));
                    } catch (IllegalAccessException | RuntimeException e) {
                        throw new MappingException("cannot call " + owner.getName() + "." + setterName + " for column "
                                + column + ": " + e + " (on the module path, open its package to dev.belay.executor)",
                                e, null, null, null, column, null);
                    }
                }
            }
            for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    java.lang.reflect.Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return new Property(f.getType(), f.getGenericType(), adapt(MethodHandles.lookup().unreflectSetter(f)));
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new MappingException("cannot write " + owner.getName() + "." + name + " for column " + column
                            + ": " + e, e, null, null, null, column, null);
                }
            }
            throw new MappingException(owner.getName() + " has no property '" + name + "' (setter or field) for column "
                    + column, null, null, null, null, column, null);
        }

        private static MethodHandle adapt(MethodHandle h) {
            return h.asType(MethodType.methodType(void.class, Object.class, Object.class));
        }
    }
}
