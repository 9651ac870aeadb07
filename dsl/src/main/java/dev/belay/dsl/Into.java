package dev.belay.dsl;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** Checks, when a query is built, that a record can take a projection's fields by position. */
final class Into {
    private Into() {}

    /**
     * A record's component names and boxed types, read once per class: {@code getRecordComponents()} reflects and
     * copies on every call, and was two thirds of building a joined query into a record.
     */
    private record Shape(String[] names, Class<?>[] types) {}

    /** What a class that is not a record maps to, so that {@code Class.isRecord()} runs once per class too. */
    private static final Shape NOT_A_RECORD = new Shape(new String[0], new Class<?>[0]);

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return NOT_A_RECORD;
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = box(components[i].getType());
            }
            return new Shape(names, types);
        }
    };

    static void check(Class<?> recordType, List<Field<?>> fields) {
        Shape shape = SHAPES.get(recordType);
        if (shape == NOT_A_RECORD) {
            throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): only records can be "
                    + "filled by position; use a record whose components match the selected fields");
        }
        if (shape.types().length != fields.size()) {
            throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): the record has "
                    + shape.types().length + " components but the query selects " + fields.size() + " fields " + fields);
        }
        for (int i = 0; i < shape.types().length; i++) {
            Class<?> component = shape.types()[i];
            Class<?> value = fields.get(i).type().javaType();
            if (!component.isAssignableFrom(value)) {
                throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): component "
                        + shape.names()[i] + " (position " + i + ") is " + component.getSimpleName()
                        + " but field " + fields.get(i) + " holds " + value.getSimpleName());
            }
        }
    }

    static Class<?> box(Class<?> c) {
        return c.isPrimitive() ? PgType.forClass(c).javaType() : c;
    }
}
