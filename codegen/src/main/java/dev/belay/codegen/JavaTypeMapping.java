package dev.belay.codegen;

import dev.belay.dsl.PgInterval;
import dev.belay.dsl.PgType;
import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.TypeNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The {@code PgType} of a component's Java type, decided as {@code Table.of} decides it at run time: the same
 * built-in type names for {@code @Column(type = ..)}, {@code PgType.forClass} for the rest, the snake_case simple
 * name for enums, {@code arrayOf} for lists. Where the run-time rule asks a {@code Class}, this loads the JDK or
 * Belay class of that name, so both ask the one table in {@code PgType}.
 */
final class JavaTypeMapping {
    private static final Map<PgType<?>, String> CONSTANTS = constants();

    private final Types types;
    private final Elements elements;

    JavaTypeMapping(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    /**
     * The type of a component of Java type {@code t}, with {@code declared} the {@code @Column(type = ..)} or "".
     *
     * @throws IllegalArgumentException saying why the type cannot be mapped
     */
    PgTypeExpr map(TypeMirror t, String declared) {
        if (!declared.isEmpty()) {
            PgType<?> builtin = TypeNames.builtin(declared);
            if (builtin != null) {
                return constant(boxedName(t).equals(builtin.javaType().getCanonicalName()) ? builtin
                        : retype(builtin, t, declared));
            }
            if (isEnum(t)) {
                return new PgTypeExpr.EnumOf(Identifiers.check(declared, "enum type name"), ref(t));
            }
            if (t instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
                throw new IllegalArgumentException("a generic type (" + t + ") of a custom type " + declared
                        + " cannot be a PgType.custom(..) class");
            }
            TypeRef raw = t instanceof PrimitiveType ? TypeRef.of(t.toString()) : ref(t);
            return new PgTypeExpr.Custom(Identifiers.check(declared, "type name"), raw, TypeRef.of(boxedName(t)));
        }
        if (isEnum(t)) {
            return enumOf(t);
        }
        TypeMirror list = types.erasure(elements.getTypeElement("java.util.List").asType());
        if (t instanceof DeclaredType d && types.isAssignable(types.erasure(t), list)) {
            List<? extends TypeMirror> args = d.getTypeArguments();
            TypeMirror e = args.isEmpty() ? null : args.get(0);
            boolean concrete = e instanceof DeclaredType de && de.getTypeArguments().isEmpty() || e instanceof ArrayType;
            if (!concrete) {
                throw new IllegalArgumentException("List type " + t + " needs a concrete element type");
            }
            return new PgTypeExpr.ArrayOf(isEnum(e) ? enumOf(e) : forClass(e));
        }
        return forClass(t);
    }

    private PgTypeExpr enumOf(TypeMirror t) {
        String simple = ((DeclaredType) t).asElement().getSimpleName().toString();
        return new PgTypeExpr.EnumOf(Identifiers.snakeCase(simple), ref(t));
    }

    private PgType<?> retype(PgType<?> builtin, TypeMirror t, String declared) {
        if (builtin.kind() == PgType.Kind.JSON && boxedName(t).equals(String.class.getName())) {
            return builtin;
        }
        if (builtin == PgType.INTERVAL && boxedName(t).equals(PgInterval.class.getName())) {
            return PgType.INTERVAL_FULL;
        }
        throw new IllegalArgumentException("type " + declared + " carries " + builtin.javaType().getSimpleName()
                + " values, but the Java type is " + simpleName(t));
    }

    /** {@code PgType.forClass} of the class {@code t} names, when it is one Belay knows. */
    private PgTypeExpr forClass(TypeMirror t) {
        Class<?> c = loadable(t);
        if (c == null) {
            throw new IllegalArgumentException("no default PostgreSQL type for Java type " + t
                    + "; name one explicitly (PgType.enumType(...), PgType.arrayOf(...), PgType.custom(...))");
        }
        return constant(PgType.forClass(c));
    }

    private static Class<?> loadable(TypeMirror t) {
        if (t.getKind().isPrimitive()) {
            return primitive(t.getKind());
        }
        if (t instanceof ArrayType a) {
            return a.getComponentType().getKind() == TypeKind.BYTE ? byte[].class : null;
        }
        if (t instanceof DeclaredType d && d.getTypeArguments().isEmpty()
                && d.asElement() instanceof TypeElement te && isJdkOrBelay(te.getQualifiedName().toString())) {
            try {
                return Class.forName(te.getQualifiedName().toString(), false, PgType.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    /** Only classes that PgType can know are loaded: never the user's own, which may not be on this class path. */
    private static boolean isJdkOrBelay(String name) {
        return name.startsWith("java.") || name.startsWith("dev.belay.dsl.");
    }

    private static Class<?> primitive(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> boolean.class;
            case BYTE -> byte.class;
            case SHORT -> short.class;
            case INT -> int.class;
            case LONG -> long.class;
            case CHAR -> char.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
            default -> void.class;
        };
    }

    static PgTypeExpr constant(PgType<?> type) {
        String field = CONSTANTS.get(type);
        if (field == null) {
            throw new IllegalStateException("PgType " + type + " is no constant of PgType");
        }
        return new PgTypeExpr.Constant(field, TypeRef.of(type.javaType().getCanonicalName()));
    }

    private static Map<PgType<?>, String> constants() {
        Map<PgType<?>, String> byValue = new IdentityHashMap<>();
        for (Field f : PgType.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == PgType.class) {
                try {
                    byValue.put((PgType<?>) f.get(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return byValue;
    }

    private boolean isEnum(TypeMirror t) {
        return t instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
    }

    private TypeRef ref(TypeMirror t) {
        return TypeRef.of(((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString());
    }

    /** The canonical name of the class that carries values of {@code t}: a primitive's box, a type's erasure. */
    private String boxedName(TypeMirror t) {
        if (t instanceof PrimitiveType p) {
            return types.boxedClass(p).getQualifiedName().toString();
        }
        if (t instanceof DeclaredType d) {
            return ((TypeElement) d.asElement()).getQualifiedName().toString();
        }
        return types.erasure(t).toString();
    }

    private static String simpleName(TypeMirror t) {
        String s = t instanceof DeclaredType d ? d.asElement().getSimpleName().toString() : t.toString();
        return s;
    }
}
