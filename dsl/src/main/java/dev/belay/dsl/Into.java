package dev.belay.dsl;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** Checks, when a query is built, that a record can take a projection's fields by position. */
final class Into {
    private Into() {}

    static void check(Class<?> recordType, List<Field<?>> fields) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): only records can be "
                    + "filled by position; use a record whose components match the selected fields");
        }
        RecordComponent[] components = recordType.getRecordComponents();
        if (components.length != fields.size()) {
            throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): the record has "
                    + components.length + " components but the query selects " + fields.size() + " fields " + fields);
        }
        for (int i = 0; i < components.length; i++) {
            Class<?> component = box(components[i].getType());
            Class<?> value = fields.get(i).type().javaType();
            if (!component.isAssignableFrom(value)) {
                throw new IllegalArgumentException("into(" + recordType.getSimpleName() + "): component "
                        + components[i].getName() + " (position " + i + ") is " + component.getSimpleName()
                        + " but field " + fields.get(i) + " holds " + value.getSimpleName());
            }
        }
    }

    static Class<?> box(Class<?> c) {
        return c.isPrimitive() ? PgType.forClass(c).javaType() : c;
    }
}
