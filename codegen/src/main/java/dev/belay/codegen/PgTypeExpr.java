package dev.belay.codegen;

/** The {@code PgType} expression a generated column declares, and the Java type {@code T} it carries. */
sealed interface PgTypeExpr {
    /** The {@code T} of {@code PgType<T>}. */
    TypeRef javaType();

    /** {@code PgType.INT8}: a constant of {@code PgType}. */
    record Constant(String field, TypeRef javaType) implements PgTypeExpr {}

    /** {@code PgType.enumType("mood", Mood.class)}. */
    record EnumOf(String sqlName, TypeRef javaType) implements PgTypeExpr {}

    /** {@code PgType.custom("citext", String.class)}; {@code javaClass} may be a primitive, {@code javaType} is boxed. */
    record Custom(String sqlName, TypeRef javaClass, TypeRef javaType) implements PgTypeExpr {}

    /** {@code PgType.arrayOf(element)}, carried as a {@code List}. */
    record ArrayOf(PgTypeExpr element) implements PgTypeExpr {
        @Override
        public TypeRef javaType() {
            return TypeRef.listOf(element.javaType());
        }
    }

    static String source(PgTypeExpr type, Imports imports) {
        String pgType = imports.use("dev.belay.dsl.PgType");
        if (type instanceof Constant c) {
            return pgType + "." + c.field();
        } else if (type instanceof EnumOf e) {
            return pgType + ".enumType(" + JavaText.literal(e.sqlName()) + ", " + e.javaType().source(imports) + ".class)";
        } else if (type instanceof Custom c) {
            return pgType + ".custom(" + JavaText.literal(c.sqlName()) + ", " + c.javaClass().source(imports) + ".class)";
        } else if (type instanceof ArrayOf a) {
            return pgType + ".arrayOf(" + source(a.element(), imports) + ")";
        }
        throw new IllegalStateException("unknown PgType expression " + type);
    }
}
