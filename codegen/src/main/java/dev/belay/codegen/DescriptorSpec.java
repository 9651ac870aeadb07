package dev.belay.codegen;

import dev.belay.dsl.internal.Identifiers;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One descriptor to generate, whichever way in (annotation processor or schema): the class, its table and its
 * columns. {@link #source()} is its Java source, formatted the same way every time.
 *
 * @param rowType the row record or class, canonical name
 * @param constant the {@code public static final} instance's name
 * @param doc the class's Javadoc text, or null for the default
 */
record DescriptorSpec(String packageName, String className, TypeRef rowType, String constant, @Nullable String schema,
                      String table, List<ColumnSpec> columns, @Nullable String doc) {
    DescriptorSpec {
        columns = List.copyOf(columns);
    }

    /**
     * One column field.
     *
     * @param field the field's name ({@code CREATED_AT})
     * @param property the row's component or field, or null when it is the camelCase of {@code name}
     * @param references the column it references, or null
     * @param doc the field's Javadoc text, or null for none
     */
    record ColumnSpec(String field, String name, PgTypeExpr type, @Nullable String property, boolean nullable,
                      boolean primaryKey, boolean generated, @Nullable Reference references, @Nullable String doc) {}

    /** A referenced column: {@code target.constant.field}, or this descriptor's own {@code field} when target is null. */
    record Reference(@Nullable TypeRef target, String constant, String field) {}

    String source() {
        return source(Set.of());
    }

    /** The source, in a package whose other types have the simple names {@code packageTypes}. */
    String source(Set<String> packageTypes) {
        Imports imports = new Imports(packageName, Set.of(className, "Alias"), packageTypes);
        String table = imports.use("dev.belay.dsl.Table");
        String column = imports.use("dev.belay.dsl.Column");
        String row = rowType.source(imports);
        StringBuilder body = new StringBuilder();
        String defaultDoc = "The table <code>" + JavaText.doc(qualifiedTable()) + "</code>, whose rows are {@link " + row + "}.";
        body.append(JavaText.docComment("", doc != null ? JavaText.doc(doc) : defaultDoc));
        body.append("public final class ").append(className).append(" extends ").append(table).append('<').append(row)
                .append("> {\n");
        body.append("    public static final ").append(className).append(' ').append(constant).append(" = new ")
                .append(className).append("();\n\n");
        for (ColumnSpec c : columns) {
            if (c.doc() != null) {
                body.append(JavaText.docComment("    ", JavaText.doc(c.doc())));
            }
            body.append("    public final ").append(column).append('<').append(row).append(", ")
                    .append(c.type().javaType().source(imports)).append("> ").append(c.field()).append(" = column(")
                    .append(JavaText.literal(c.name())).append(", ").append(PgTypeExpr.source(c.type(), imports))
                    .append(')');
            if (c.property() != null) {
                body.append(".property(").append(JavaText.literal(c.property())).append(')');
            }
            body.append(c.nullable() ? ".nullable()" : "").append(c.primaryKey() ? ".primaryKey()" : "")
                    .append(c.generated() ? ".generated()" : "");
            if (c.references() != null) {
                Reference r = c.references();
                body.append(".references(").append(r.target() == null ? "" : r.target().source(imports) + "."
                        + r.constant() + ".").append(r.field()).append(')');
            }
            body.append(";\n");
        }
        body.append("\n    private ").append(className).append("() {\n        super(")
                .append(schema == null ? "" : JavaText.literal(schema) + ", ").append(JavaText.literal(this.table))
                .append(", ").append(row).append(".class);\n    }\n\n");
        body.append("    private ").append(className).append("(Alias alias) {\n        super(alias);\n    }\n\n");
        // a covariant as(..) lets one expression reach the alias's typed columns: CUSTOMER.as("c").NAME
        // through the imports: a table of the package named override or suppress_warnings shadows java.lang's
        body.append("    @").append(imports.use("java.lang.Override")).append("\n    @")
                .append(imports.use("java.lang.SuppressWarnings")).append("(\"unchecked\")\n    public ").append(className)
                .append(" as(String alias) {\n        return super.as(alias);\n    }\n}\n");
        return header(packageName, imports) + body;
    }

    private String qualifiedTable() {
        return (schema == null ? "" : Identifiers.quote(schema) + ".") + Identifiers.quote(table);
    }

    /** The package line, a note that the file is generated, and the imports. */
    static String header(String packageName, Imports imports) {
        return (packageName.isEmpty() ? "" : "package " + packageName + ";\n\n")
                + "// Generated by Belay codegen. Do not edit: change the source it was generated from and regenerate.\n\n"
                + imports.lines();
    }
}
