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
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Builds the mapping for a result: one {@link Reader} per column and one way to assemble the row object.
 * Everything reflective happens here, once per query shape; per row only readers and a cached method handle
 * run. The result is a function from the executing query's fields to a {@link RowMapper}, because a
 * {@link Row} must resolve {@code row.get(field)} against the query being run, not the one the plan was
 * built for.
 */
final class RowMappers {
    private RowMappers() {}

    /**
     * A mapping that does not depend on the executing query's fields; a record mapper is asked per execution, so that
     * it gets a class of its own once the plan is run again ({@link RecordMapper#current}).
     */
    private static <T> Function<List<Field<?>>, RowMapper<?>> fixed(RowMapper<T> mapper) {
        if (mapper instanceof RecordMapper record) {
            return fields -> record.current();
        }
        return fields -> mapper;
    }

    /**
     * A plan for a DSL query: columns by position, since the query knows its shape.
     *
     * @param fields the query's fields, in result-column order
     */
    static Function<List<Field<?>>, RowMapper<?>> forQuery(Class<?> type, List<Field<?>> fields, boolean byPosition,
                                                           ColumnRef[] cols, TypeRegistry types) {
        int n = cols.length;
        if (n != fields.size()) {
            throw new MappingException("the query selects " + fields.size() + " fields but the result has " + n
                    + " columns", null, ErrorContext.NONE);
        }
        if (type == Row.class) {
            Reader[] readers = fieldReaders(fields, cols, types);
            return current -> rs -> Row.of(current, Arrays.asList(readAll(readers, rs)));
        }
        if (isTuple(type)) {
            Reader[] readers = fieldReaders(fields, cols, types);
            MethodHandle[] components = new MethodHandle[n];
            for (int i = 0; i < n; i++) {
                components[i] = RecordMapper.component(readers[i], i + 1, Object.class);
            }
            return fixed(RecordMapper.of(type, RowClass.of(type).exactConstructor(), components));
        }
        if (n == 1 && type == fields.get(0).type().javaType()) {
            // select(field): the row is the field's value, whatever its Java type (a json record, a converted type)
            Reader reader = fieldReader(fields.get(0), cols[0], types);
            return fixed(rs -> reader.read(rs, 1));
        }
        if (byPosition) {
            // into(Record): checked by position when the query was built, and filled the same way whatever the fields
            return fixed(recordByPosition(RowClass.of(type), cols, types));
        }
        String[] names = new String[n];
        boolean[] nonNull = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (fields.get(i) instanceof Column<?, ?> c && c.table().rowType() == type) {
                names[i] = c.property();
                nonNull[i] = !c.isNullable();
            } else if (type.isRecord()) {
                // a record filled from fields that are not all its table's own columns has no names to go by
                return fixed(recordByPosition(RowClass.of(type), cols, types));
            } else {
                names[i] = "";
            }
        }
        refuseJdkClass(type);
        return fixed(byName(RowClass.of(type), names, nonNull, cols, types));
    }

    /** A plan for raw SQL: a scalar, a {@link Row}, or a record/class whose properties match the column labels. */
    static Function<List<Field<?>>, RowMapper<?>> forLabels(Class<?> type, ResultColumns columns, ColumnRef[] cols,
                                                            TypeRegistry types) {
        int n = cols.length;
        if (type == Row.class) {
            Reader[] readers = new Reader[n];
            for (int i = 0; i < n; i++) {
                readers[i] = Readers.forType(Readers.natural(cols[i].dbType()), null, cols[i], false, types);
            }
            List<String> labels = columns.labels();
            return fixed(rs -> Row.ofLabels(labels, Arrays.asList(readAll(readers, rs))));
        }
        if (n == 1 && (isValue(type, types) || types.json() != null && Readers.isJson(cols[0].dbType()))) {
            Reader reader = Readers.forType(type, null, cols[0], false, types);
            return fixed(rs -> reader.read(rs, 1));
        }
        if (isValue(type, types)) {
            throw new MappingException(type.getName() + " is read from one column, but the result has " + n + " "
                    + columns + "; select one column, or read the rows as a record, a class or Row", null,
                    ErrorContext.NONE);
        }
        refuseJdkClass(type);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = camel(columns.label(i));
        }
        return fixed(byName(RowClass.of(type), names, new boolean[n], cols, types));
    }

    /**
     * A class of the JDK that is not one of the value types is not a row class either: matching its setters to the
     * columns ({@code OffsetTime} has none) would only say that no column matches a property.
     */
    private static void refuseJdkClass(Class<?> type) {
        Module module = type.getModule();
        if (!type.isRecord() && module.isNamed() && module.getName().startsWith("java.")) {
            throw new MappingException(type.getName() + " is not a type Belay reads a column into, nor a row class "
                    + "(a record or a class of yours whose properties take the columns); read the column as String, "
                    + "or as one of the types in docs/types.md", null, ErrorContext.NONE);
        }
    }

    /** One reader per field, each reading the Java type its field declares. */
    private static Reader[] fieldReaders(List<Field<?>> fields, ColumnRef[] cols, TypeRegistry types) {
        Reader[] readers = new Reader[fields.size()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = fieldReader(fields.get(i), cols[i], types);
        }
        return readers;
    }

    /** Reads the Java type a field declares; an array field's PgType gives the element type. */
    private static Reader fieldReader(Field<?> field, ColumnRef col, TypeRegistry types) {
        PgType<?> element = field.type().elementType();
        return Readers.forType(field.type().javaType(), element == null ? null : element.javaType(), col, false,
                types);
    }

    private static @Nullable Object[] readAll(Reader[] readers, ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
        return values;
    }

    private static RowMapper<?> recordByPosition(RowClass rc, ColumnRef[] cols, TypeRegistry types) {
        List<RowClass.Property> props = rc.properties;
        if (props.size() != cols.length) {
            throw new MappingException(rc.simpleName() + " has " + props.size() + " components but the result has "
                    + cols.length + " columns", null, ErrorContext.NONE);
        }
        int[] columnOf = new int[props.size()];
        for (int i = 0; i < columnOf.length; i++) {
            columnOf[i] = i;
        }
        return record(rc, columnOf, new boolean[cols.length], cols, types);
    }

    /**
     * The record mapper: per component, the typed primitive reader when there is one, else the boxed reader (which
     * refuses NULL into a primitive or a NOT NULL column), each reading the column {@code columnOf} gives it.
     */
    private static RowMapper<?> record(RowClass rc, int[] columnOf, boolean[] nonNull, ColumnRef[] cols,
                                       TypeRegistry types) {
        List<RowClass.Property> props = rc.properties;
        MethodHandle[] components = new MethodHandle[props.size()];
        for (int p = 0; p < components.length; p++) {
            RowClass.Property prop = props.get(p);
            int col = columnOf[p];
            ColumnRef ref = into(cols[col], rc, prop);
            MethodHandle primitive = PrimitiveReaders.of(prop.type(), ref, col + 1, types);
            components[p] = primitive != null ? primitive : RecordMapper.component(
                    Readers.forType(prop.type(), prop.generic(), ref, nonNull[col], types), col + 1, prop.type());
        }
        return RecordMapper.of(rc.type, rc.exactConstructor(), components);
    }

    /**
     * The one rule for records and classes: each required property takes the column whose name (a label, or a
     * descriptor's property) matches it; columns no property wants are ignored; a missing required property or
     * two columns for one property is an error naming them.
     *
     * @param names   per column, the property name it stands for ("" when none)
     * @param nonNull per column, refuse NULL (the descriptor says NOT NULL)
     */
    private static RowMapper<?> byName(RowClass rc, String[] names, boolean[] nonNull, ColumnRef[] cols,
                                       TypeRegistry types) {
        List<RowClass.Property> props = rc.properties;
        int[] columnOf = new int[props.size()];
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < columnOf.length; p++) {
            RowClass.Property prop = props.get(p);
            columnOf[p] = -1;
            boolean exact = Arrays.asList(names).contains(prop.name());
            for (int i = 0; i < names.length; i++) {
                // a property JavaBeans names in capitals (URL, from setURL) takes the column of its name in any case
                if (exact ? prop.name().equals(names[i]) : prop.name().equalsIgnoreCase(names[i])) {
                    if (columnOf[p] >= 0) {
                        throw new MappingException("the result has two columns for " + rc.simpleName() + "."
                                + prop.name() + ": " + cols[columnOf[p]].quoted() + " and " + cols[i].quoted()
                                + "; alias one of them so each property gets one column", null,
                                ErrorContext.NONE.column(cols[i].quoted()));
                    }
                    columnOf[p] = i;
                }
            }
            if (columnOf[p] < 0 && prop.required()) {
                missing.add(rc.simpleName() + "." + prop.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new MappingException(String.join(", ", missing) + (missing.size() == 1 ? " has" : " have")
                    + " no column in the result " + Arrays.toString(cols) + "; select " + (missing.size() == 1
                    ? "it" : "them") + " (a column matches a property by name, snake_case or camelCase), or map into "
                    + "a type without " + (missing.size() == 1 ? "it" : "them"), null, ErrorContext.NONE);
        }
        if (Arrays.stream(columnOf).allMatch(c -> c < 0)) {
            throw new MappingException("no column of the result " + Arrays.toString(cols) + " matches a property of "
                    + rc.type.getName() + "; name the columns after its fields", null, ErrorContext.NONE);
        }
        if (rc.isRecord()) {
            return record(rc, columnOf, nonNull, cols, types); // a component is required, so each has a column
        }
        Reader[] readers = new Reader[props.size()];
        for (int p = 0; p < readers.length; p++) {
            int col = columnOf[p];
            if (col >= 0) {
                RowClass.Property prop = props.get(p);
                readers[p] = Readers.forType(prop.type(), prop.generic(), into(cols[col], rc, prop), nonNull[col],
                        types);
            }
        }
        return bean(rc, props, columnOf, readers, cols);
    }

    private static RowMapper<?> bean(RowClass rc, List<RowClass.Property> props, int[] columnOf, Reader[] readers,
                                     ColumnRef[] cols) {
        int used = (int) Arrays.stream(columnOf).filter(c -> c >= 0).count();
        MethodHandle create = rc.noArg();
        MethodHandle[] setters = new MethodHandle[used];
        Reader[] reads = new Reader[used];
        int[] columns = new int[used];
        ColumnRef[] refs = new ColumnRef[used];
        for (int p = 0, k = 0; p < props.size(); p++) {
            if (columnOf[p] >= 0) {
                refs[k] = into(cols[columnOf[p]], rc, props.get(p));
                setters[k] = rc.setter(props.get(p), refs[k]);
                reads[k] = readers[p];
                columns[k++] = columnOf[p] + 1;
            }
        }
        return rs -> {
            Object bean;
            try {
                bean = create.invoke();
            } catch (Throwable e) {
                throw new MappingException("the no-argument constructor of " + rc.type.getName() + " threw " + e, e,
                        ErrorContext.NONE);
            }
            for (int k = 0; k < setters.length; k++) {
                Object value = reads[k].read(rs, columns[k]);
                try {
                    setters[k].invoke(bean, value);
                } catch (Throwable e) {
                    throw refs[k].error("writing it into " + rc.simpleName() + " threw " + e, e);
                }
            }
            return bean;
        };
    }

    private static ColumnRef into(ColumnRef col, RowClass rc, RowClass.Property p) {
        return new ColumnRef(col.label(), col.dbType(), rc.simpleName() + "." + p.name());
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
}
