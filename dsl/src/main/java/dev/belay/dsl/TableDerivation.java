package dev.belay.dsl;

import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.TypeNames;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link Table} from a row type's record components or fields; see {@link Table#of}. */
final class TableDerivation {
    private TableDerivation() {}

    /** One column to declare: its SQL name, Java property, annotations and generic type. */
    private record Part(String property, Class<?> rawType, Type genericType, AnnotatedElement element,
                        AnnotatedType annotatedType) {}

    static Table<?> derive(Class<?> rowType) {
        return build(rowType);
    }

    private static <R> Table<R> build(Class<R> rowType) {
        dev.belay.dsl.annotations.Table tableAnn = rowType.getAnnotation(dev.belay.dsl.annotations.Table.class);
        String name = tableAnn != null ? tableAnn.value() : Identifiers.snakeCase(rowType.getSimpleName());
        String schema = tableAnn != null && !tableAnn.schema().isEmpty() ? tableAnn.schema() : null;
        List<Part> parts = parts(rowType);
        Table<R> table;
        try {
            table = new Table<>(schema == null ? null : Identifiers.check(schema, "schema name"), name, null, rowType);
        } catch (IllegalArgumentException e) {
            throw cannot(rowType, e.getMessage());
        }
        for (Part p : parts) {
            declare(table, p, rowType);
        }
        table.columns();
        return table;
    }

    private static List<Part> parts(Class<?> rowType) {
        if (rowType.isPrimitive() || rowType.isArray() || rowType.isInterface() || rowType.isEnum()
                || Modifier.isAbstract(rowType.getModifiers())) {
            throw cannot(rowType, "it is not a record or a concrete class");
        }
        List<Part> parts = new ArrayList<>();
        if (rowType.isRecord()) {
            for (RecordComponent rc : rowType.getRecordComponents()) {
                parts.add(new Part(rc.getName(), rc.getType(), rc.getGenericType(), rc, rc.getAnnotatedType()));
            }
        } else {
            try {
                rowType.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw cannot(rowType, "it is neither a record nor a class with a no-argument constructor");
            }
            fields(rowType, parts);
        }
        if (parts.isEmpty()) {
            throw cannot(rowType, "it has no components or fields to map to columns");
        }
        return parts;
    }

    /** A class's fields, its superclasses' first: a base entity's key comes before the subclass's columns. */
    private static void fields(Class<?> type, List<Part> parts) {
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            fields(type.getSuperclass(), parts);
        }
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                continue;
            }
            parts.add(new Part(f.getName(), f.getType(), f.getGenericType(), f, f.getAnnotatedType()));
        }
    }

    private static <R> void declare(Table<R> table, Part p, Class<R> rowType) {
        dev.belay.dsl.annotations.Column ann = p.element().getAnnotation(dev.belay.dsl.annotations.Column.class);
        String column = ann != null && !ann.value().isEmpty() ? ann.value() : Identifiers.snakeCase(p.property());
        PgType<?> type;
        try {
            type = type(p, ann == null ? "" : ann.type());
        } catch (IllegalArgumentException e) {
            throw cannot(rowType, "component '" + p.property() + "': " + e.getMessage()
                    + ". Annotate it with @Column(type = \"...\") or write a descriptor");
        }
        Column<R, ?> c;
        try {
            c = table.column(column, type);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a bad or repeated @Column name: report it against the class the user wrote
            throw cannot(rowType, "component '" + p.property() + "': " + e.getMessage());
        }
        c = c.property(p.property());
        if (!p.rawType().isPrimitive() && isNullable(p.annotatedType(), p.element())) {
            c = c.nullable();
        }
        if (p.element().isAnnotationPresent(Id.class)) {
            c = c.primaryKey();
        }
        if (p.element().isAnnotationPresent(Generated.class)) {
            c.generated();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PgType<?> type(Part p, String declared) {
        Class<?> raw = p.rawType();
        if (!declared.isEmpty()) {
            PgType<?> builtin = TypeNames.builtin(declared);
            if (builtin != null) {
                return builtin.javaType() == box(raw) ? builtin : retype(builtin, raw, declared);
            }
            if (raw.isEnum()) {
                return PgType.enumType(declared, (Class) raw);
            }
            return PgType.custom(declared, raw);
        }
        if (raw.isEnum()) {
            return PgType.enumType(Identifiers.snakeCase(raw.getSimpleName()), (Class) raw);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (p.genericType() instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e) {
                return PgType.arrayOf(e.isEnum() ? PgType.enumType(Identifiers.snakeCase(e.getSimpleName()), (Class) e)
                        : PgType.forClass(e));
            }
            throw new IllegalArgumentException("List type " + p.genericType() + " needs a concrete element type");
        }
        return PgType.forClass(raw);
    }

    private static PgType<?> retype(PgType<?> builtin, Class<?> raw, String declared) {
        if (builtin.kind() == PgType.Kind.JSON && raw == String.class) {
            return builtin;
        }
        if (builtin == PgType.INTERVAL && raw == PgInterval.class) {
            return PgType.INTERVAL_FULL;
        }
        throw new IllegalArgumentException("type " + declared + " carries " + builtin.javaType().getSimpleName()
                + " values, but the Java type is " + raw.getSimpleName());
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return PgType.forClass(c).javaType();
    }

    /** Any annotation named Nullable counts (checker-qual, JSpecify, jakarta), on the type or the element. */
    private static boolean isNullable(AnnotatedType type, AnnotatedElement element) {
        for (var a : type.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        for (var a : element.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException cannot(Class<?> rowType, String why) {
        return new IllegalArgumentException("cannot describe " + rowType.getName() + " as a table: " + why);
    }
}
