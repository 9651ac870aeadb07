package dev.belay.codegen;

import dev.belay.dsl.annotations.Column;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one {@code @Table} type into the descriptor to generate, by the rules of {@code Table.of}; reports what
 * it cannot map as compile errors on the elements at fault.
 */
final class RowTypeReader {
    static final String TABLE = "dev.belay.dsl.annotations.Table";

    /**
     * A record component or field that becomes a column; {@code accessor} is a record component's, or null.
     * {@code at} is where its errors point: for a component its field, which javac can place in the source.
     */
    private record Part(Element element, String property, TypeMirror type, @Nullable ExecutableElement accessor,
                        Element at) {}

    private final ProcessingEnvironment env;
    private final Element element;
    private final JavaTypeMapping mapping;
    private boolean failed;

    RowTypeReader(ProcessingEnvironment env, Element element) {
        this.env = env;
        this.element = element;
        this.mapping = new JavaTypeMapping(env.getTypeUtils(), env.getElementUtils());
    }

    /** The descriptor, or null when an error was reported. */
    @Nullable DescriptorSpec read() {
        if (!(element instanceof TypeElement type)) {
            return null; // javac has already refused @Table on anything but a type
        }
        String notRow = notARowType(type);
        if (notRow != null) {
            error(element, notRow);
            return null;
        }
        Table ann = type.getAnnotation(Table.class);
        String schema = ann.schema().isEmpty() ? null : checked(element, ann.schema(), "schema name");
        String table = checked(element, ann.value(), "table name");
        List<Part> parts = parts(type);
        if (parts.isEmpty()) {
            error(element, "it has no components or fields to map to columns");
        }
        List<DescriptorSpec.ColumnSpec> columns = new ArrayList<>();
        Map<String, Element> names = new HashMap<>();
        Map<String, Element> fields = new HashMap<>();
        for (Part p : parts) {
            DescriptorSpec.ColumnSpec c = column(p);
            if (c == null) {
                continue;
            }
            if (names.putIfAbsent(c.name(), p.element()) != null) {
                error(p.at(), "component '" + p.property() + "': table \"" + table + "\" declares column \""
                        + c.name() + "\" twice");
            } else if (fields.putIfAbsent(c.field(), p.element()) != null) {
                error(p.at(), "component '" + p.property() + "': its column field " + c.field()
                        + " is the name of another component's; rename one of them");
            }
            columns.add(c);
        }
        String simple = type.getSimpleName().toString();
        String constant = JavaText.upperSnake(simple);
        if (fields.containsKey(constant)) {
            constant = constant + "_TABLE";
        }
        if (failed) {
            return null;
        }
        String pkg = env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
        return new DescriptorSpec(pkg, simple + "Table", TypeRef.of(type.getQualifiedName().toString()), constant,
                schema, table, columns, null);
    }

    private @Nullable String notARowType(TypeElement type) {
        ElementKind kind = type.getKind();
        if (kind != ElementKind.RECORD && kind != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
            return "it is not a record or a concrete class";
        }
        if (!type.getTypeParameters().isEmpty()) {
            return "a generic type cannot be a row type; declare a record or class without type parameters";
        }
        for (Element e = type; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return "it is private, so the descriptor generated in its package cannot name it; make it "
                        + "package-private or public";
            }
        }
        if (type.getNestingKind() != NestingKind.TOP_LEVEL && type.getNestingKind() != NestingKind.MEMBER) {
            return "a local class cannot be a row type: the generated descriptor could not name it";
        }
        if (kind == ElementKind.CLASS) {
            boolean inner = type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC);
            boolean noArg = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                    .anyMatch(c -> c.getParameters().isEmpty());
            if (inner || !noArg) {
                return "it is neither a record nor a class with a no-argument constructor";
            }
        }
        return null;
    }

    private List<Part> parts(TypeElement type) {
        List<Part> parts = new ArrayList<>();
        if (type.getKind() == ElementKind.RECORD) {
            List<VariableElement> fields = ElementFilter.fieldsIn(type.getEnclosedElements());
            for (RecordComponentElement rc : type.getRecordComponents()) {
                Element at = fields.stream().filter(f -> f.getSimpleName().equals(rc.getSimpleName())).findFirst()
                        .map(Element.class::cast).orElse(rc);
                parts.add(new Part(rc, rc.getSimpleName().toString(), rc.asType(), rc.getAccessor(), at));
            }
        } else {
            fields(type, parts);
        }
        return parts;
    }

    /** The instance fields, a superclass's first, as {@code Table.of} takes them. */
    private void fields(TypeElement type, List<Part> parts) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() == TypeKind.DECLARED && ((DeclaredType) superclass).asElement() instanceof TypeElement s
                && !s.getQualifiedName().contentEquals("java.lang.Object")) {
            fields(s, parts);
        }
        for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (!f.getModifiers().contains(Modifier.STATIC) && !f.getModifiers().contains(Modifier.TRANSIENT)) {
                parts.add(new Part(f, f.getSimpleName().toString(), f.asType(), null, f));
            }
        }
    }

    private DescriptorSpec.@Nullable ColumnSpec column(Part p) {
        Column ann = p.element().getAnnotation(Column.class);
        String name = ann != null && !ann.value().isEmpty() ? ann.value() : Identifiers.snakeCase(p.property());
        String where = "component '" + p.property() + "': ";
        PgTypeExpr type;
        try {
            Identifiers.check(name, "column name");
            type = mapping.map(p.type(), ann == null ? "" : ann.type());
        } catch (IllegalArgumentException e) {
            error(p.at(), where + e.getMessage() + ". Annotate it with @Column(type = \"...\") or write a "
                    + "descriptor");
            return null;
        }
        boolean nullable = !p.type().getKind().isPrimitive() && isNullable(p);
        String property = Identifiers.camelCase(name).equals(p.property()) ? null : p.property();
        return new DescriptorSpec.ColumnSpec(JavaText.upperSnake(p.property()), name, type, property, nullable,
                p.element().getAnnotation(Id.class) != null, p.element().getAnnotation(Generated.class) != null,
                null, null);
    }

    /**
     * Any annotation named Nullable counts (checker-qual, JSpecify, jakarta), on the type or the element, as for
     * {@code Table.of}. A record component's type annotations are also read from its accessor, where javac
     * reliably keeps them.
     */
    private static boolean isNullable(Part p) {
        return named(p.element().getAnnotationMirrors()) || named(p.type().getAnnotationMirrors())
                || p.accessor() != null && named(p.accessor().getReturnType().getAnnotationMirrors());
    }

    private static boolean named(List<? extends AnnotationMirror> annotations) {
        for (AnnotationMirror a : annotations) {
            if (a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String checked(Element at, String name, String what) {
        try {
            return Identifiers.check(name, what);
        } catch (IllegalArgumentException e) {
            error(at, e.getMessage());
            return null;
        }
    }

    private void error(Element at, String why) {
        failed = true;
        String row = env.getElementUtils().getBinaryName((TypeElement) element).toString();
        env.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot describe " + row + " as a table: " + why, at);
    }
}
