package dev.belay.codegen;

import dev.belay.codegen.CatalogModel.CatalogColumn;
import dev.belay.codegen.CatalogModel.EnumType;
import dev.belay.codegen.CatalogModel.ForeignKey;
import dev.belay.codegen.CatalogModel.Relation;
import dev.belay.dsl.PgType;
import dev.belay.dsl.internal.TypeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a {@link CatalogModel} into Java sources: per table or view a record and its descriptor, per enum type a
 * Java enum. Pure: the same model gives the same files, byte for byte.
 */
final class SchemaGenerator {
    private final CatalogModel model;
    private final String pkg;
    private final List<String> warnings = new ArrayList<>();
    /** Enum types by SQL name, as Java enums; those whose labels are no Java names are missing. */
    private final Map<String, TypeRef> enums = new HashMap<>();
    private final Map<String, String> recordNames = new LinkedHashMap<>();
    private final Map<String, String> descriptorNames = new HashMap<>();
    private final Map<String, String> constants = new HashMap<>();
    private final Map<String, Map<String, DescriptorSpec.ColumnSpec>> columnSpecs = new HashMap<>();

    SchemaGenerator(CatalogModel model, String pkg) {
        this.model = model;
        this.pkg = pkg;
    }

    /** What was generated differently than asked (an enum left as text, a foreign key left out), for the user. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The sources by file name relative to the package directory ({@code Users.java}), sorted. */
    Map<String, String> generate() {
        JavaNames types = new JavaNames(Set.of("Alias"));
        for (EnumType e : model.enums()) {
            String bad = e.labels().stream().filter(l -> !SourceVersion.isName(l)).findFirst().orElse(null);
            if (bad != null) {
                warnings.add("enum " + e.name() + ": label '" + bad + "' is no Java name, so its columns are read "
                        + "as String (PgType.custom)");
            } else {
                enums.put(e.name(), TypeRef.of(pkg + "." + types.unique(JavaNames.typeName(e.name()))));
            }
        }
        for (Relation r : model.relations()) {
            String record = types.unique(JavaNames.typeName(r.name()));
            recordNames.put(r.name(), record);
            descriptorNames.put(r.name(), types.unique(record + "Table"));
        }
        Set<String> packageTypes = new HashSet<>(recordNames.values());
        packageTypes.addAll(descriptorNames.values());
        enums.values().forEach(t -> packageTypes.add(t.name().substring(pkg.length() + 1)));

        Map<String, String> files = new TreeMap<>();
        for (EnumType e : model.enums()) {
            TypeRef java = enums.get(e.name());
            if (java != null) {
                String simple = java.name().substring(pkg.length() + 1);
                files.put(simple + ".java", enumSource(e, simple));
            }
        }
        for (Relation r : model.relations()) {
            columns(r);
        }
        for (Relation r : model.relations()) {
            DescriptorSpec spec = descriptor(r);
            files.put(spec.className() + ".java", spec.source(packageTypes));
            files.put(recordNames.get(r.name()) + ".java", recordSource(r, spec, packageTypes));
        }
        return files;
    }

    /** The column specs of a relation, without references yet; fields and components unique in the relation. */
    private void columns(Relation r) {
        JavaNames members = new JavaNames(Set.of());
        Map<String, DescriptorSpec.ColumnSpec> specs = new LinkedHashMap<>();
        String constant = JavaText.upperSnake(recordNames.get(r.name()));
        for (CatalogColumn c : r.columns()) {
            String component = members.unique(JavaNames.memberName(c.name()));
            String field = JavaText.upperSnake(component);
            String property = dev.belay.dsl.internal.Identifiers.camelCase(c.name()).equals(component) ? null : component;
            specs.put(c.name(), new DescriptorSpec.ColumnSpec(field, c.name(), type(r, c), property,
                    r.view() || !c.notNull(), c.primaryKey(), c.generated() && !r.view(), null, c.comment()));
        }
        // the instance constant takes a name no column field has: users with columns users and users_table
        Set<String> fields = new java.util.HashSet<>();
        for (DescriptorSpec.ColumnSpec spec : specs.values()) {
            fields.add(spec.field());
        }
        while (fields.contains(constant)) {
            constant = constant + "_TABLE";
        }
        columnSpecs.put(r.name(), specs);
        constants.put(r.name(), constant);
    }

    private DescriptorSpec descriptor(Relation r) {
        Map<String, DescriptorSpec.ColumnSpec> specs = columnSpecs.get(r.name());
        List<DescriptorSpec.ColumnSpec> columns = new ArrayList<>();
        for (DescriptorSpec.ColumnSpec c : specs.values()) {
            columns.add(withReference(r, c));
        }
        String doc = (r.view() ? "The view" : "The table") + " \"" + r.name() + "\"" + (r.comment() == null ? "."
                : ": " + r.comment());
        return new DescriptorSpec(pkg, descriptorNames.get(r.name()), TypeRef.of(pkg + "." + recordNames.get(r.name())),
                constants.get(r.name()), model.schema(), r.name(), columns, doc);
    }

    /**
     * The column with its foreign key, when Java can initialise it: a key to a column declared earlier in the same
     * table, or to another table whose references do not lead back here (a cycle of descriptors that name each
     * other's instances would see one of them still null).
     */
    private DescriptorSpec.ColumnSpec withReference(Relation r, DescriptorSpec.ColumnSpec c) {
        ForeignKey fk = r.foreignKeys().stream().filter(k -> k.column().equals(c.name())).findFirst().orElse(null);
        if (fk == null) {
            return c;
        }
        Map<String, DescriptorSpec.ColumnSpec> target = columnSpecs.get(fk.target());
        DescriptorSpec.ColumnSpec to = target == null ? null : target.get(fk.targetColumn());
        String where = "foreign key " + r.name() + "." + c.name() + " -> " + fk.target() + "." + fk.targetColumn();
        if (to == null || !to.type().equals(c.type())) {
            warnings.add(where + ": left out, the columns' Java types differ");
            return c;
        }
        DescriptorSpec.Reference ref;
        if (fk.target().equals(r.name())) {
            boolean earlier = new ArrayList<>(target.keySet()).indexOf(fk.targetColumn())
                    < new ArrayList<>(target.keySet()).indexOf(c.name());
            if (!earlier) {
                warnings.add(where + ": left out, it names a column declared after it");
                return c;
            }
            ref = new DescriptorSpec.Reference(null, "", to.field());
        } else if (reaches(fk.target(), r.name(), new HashSet<>())) {
            warnings.add(where + ": left out, the tables reference each other in a cycle");
            return c;
        } else {
            ref = new DescriptorSpec.Reference(TypeRef.of(pkg + "." + descriptorNames.get(fk.target())),
                    constants.get(fk.target()), to.field());
        }
        return new DescriptorSpec.ColumnSpec(c.field(), c.name(), c.type(), c.property(), c.nullable(), c.primaryKey(),
                c.generated(), ref, c.doc());
    }

    /** True when {@code from}'s foreign keys to other tables lead, directly or not, to {@code to}. */
    private boolean reaches(String from, String to, Set<String> seen) {
        if (!seen.add(from)) {
            return false;
        }
        for (Relation r : model.relations()) {
            if (r.name().equals(from)) {
                for (ForeignKey k : r.foreignKeys()) {
                    if (!k.target().equals(from) && (k.target().equals(to) || reaches(k.target(), to, seen))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private PgTypeExpr type(Relation r, CatalogColumn c) {
        if (c.element() != null) {
            PgTypeExpr element = scalar(c.element());
            if (element != null) {
                return new PgTypeExpr.ArrayOf(element);
            }
        } else {
            PgTypeExpr scalar = scalar(c.type());
            if (scalar != null) {
                return scalar;
            }
        }
        warnings.add("column " + r.name() + "." + c.name() + ": type " + c.type() + " is read as String (PgType.custom)");
        return new PgTypeExpr.Custom(c.type(), TypeRef.of("java.lang.String"), TypeRef.of("java.lang.String"));
    }

    /** A built-in type (interval as PgInterval, which holds every interval) or one of the schema's enums. */
    private @Nullable PgTypeExpr scalar(String type) {
        PgType<?> builtin = TypeNames.builtin(type);
        if (builtin != null) {
            return JavaTypeMapping.constant(builtin == PgType.INTERVAL ? PgType.INTERVAL_FULL : builtin);
        }
        TypeRef e = enums.get(type);
        return e == null ? null : new PgTypeExpr.EnumOf(type, e);
    }

    /**
     * The type with checker-qual's {@code @Nullable}, where a type annotation goes: {@code @Nullable String},
     * {@code byte @Nullable []}, {@code java.util.@Nullable List<..>}.
     */
    private static String nullable(String type, Imports imports) {
        String annotation = "@" + imports.use("org.checkerframework.checker.nullness.qual.Nullable") + " ";
        if (type.equals("byte[]")) {
            return "byte " + annotation + "[]";
        }
        int generic = type.indexOf('<');
        int dot = type.lastIndexOf('.', generic < 0 ? type.length() : generic);
        return dot < 0 ? annotation + type : type.substring(0, dot + 1) + annotation + type.substring(dot + 1);
    }

    private String enumSource(EnumType e, String simple) {
        StringBuilder out = new StringBuilder(DescriptorSpec.header(pkg, new Imports(pkg, Set.of(simple), Set.of())));
        out.append(JavaText.docComment("", "The enum type \"" + JavaText.doc(e.name()) + "\""
                + (e.comment() == null ? "." : ": " + JavaText.doc(e.comment()))));
        out.append("public enum ").append(simple).append(" {\n");
        for (int i = 0; i < e.labels().size(); i++) {
            out.append("    ").append(e.labels().get(i)).append(i + 1 < e.labels().size() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }

    private String recordSource(Relation r, DescriptorSpec spec, Set<String> packageTypes) {
        String name = recordNames.get(r.name());
        Imports imports = new Imports(pkg, Set.of(name), packageTypes);
        StringBuilder doc = new StringBuilder("A row of " + (r.view() ? "the view" : "the table") + " \""
                + JavaText.doc(r.name()) + "\"" + (r.comment() == null ? "." : ": " + JavaText.doc(r.comment()))
                + "\nIts descriptor is {@link " + spec.className() + "}.\n");
        StringBuilder components = new StringBuilder();
        List<DescriptorSpec.ColumnSpec> columns = spec.columns();
        for (int i = 0; i < columns.size(); i++) {
            DescriptorSpec.ColumnSpec c = columns.get(i);
            String component = c.property() != null ? c.property()
                    : dev.belay.dsl.internal.Identifiers.camelCase(c.name());
            doc.append("\n@param ").append(component).append(' ').append(c.doc() == null
                    ? "the column \"" + JavaText.doc(c.name()) + "\"" : JavaText.doc(c.doc()));
            String type = c.type().javaType().source(imports);
            components.append("        ").append(c.nullable() ? nullable(type, imports) : type).append(' ').append(component)
                    .append(i + 1 < columns.size() ? ",\n" : ") {}\n");
        }
        String body = JavaText.docComment("", doc.toString()) + "public record " + name + "(\n" + components;
        return DescriptorSpec.header(pkg, imports) + body;
    }
}
