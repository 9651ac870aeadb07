package dev.belay.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the descriptor of every {@code @Table} record or class being compiled: for
 * {@code @Table("users") record User(@Id @Generated Long id, String name, @Nullable Integer age)} in package
 * {@code com.acme}, the class {@code com.acme.UserTable} with
 *
 * <pre>{@code
 * public static final UserTable USER = new UserTable();
 * public final Column<User, Long> ID = column("id", PgType.INT8).primaryKey().generated();
 * public final Column<User, String> NAME = column("name", PgType.TEXT);
 * public final Column<User, Integer> AGE = column("age", PgType.INT4).nullable();
 * }</pre>
 *
 * and the {@code (Alias)} constructor, so {@code UserTable u = USER.as("u")} has typed columns too. It makes
 * the same decisions as {@code Table.of(User.class)}: names, types, keys, nullability. The class is the row type's
 * simple name plus {@code Table}; the instance and the column fields are the UPPER_SNAKE of the class and component
 * names ({@code OrderLine} is {@code ORDER_LINE}, {@code createdAt} {@code CREATED_AT}); when a column field would
 * take the instance's name, the instance is {@code <NAME>_TABLE}. A component Belay cannot map is a compile error
 * on that component. Put {@code belay-codegen} on the compiler's processor path; nothing else is needed.
 */
@SupportedAnnotationTypes(RowTypeReader.TABLE)
public final class TableProcessor extends AbstractProcessor {

    /** Created by javac through the service loader. */
    public TableProcessor() {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                RowTypeReader reader = new RowTypeReader(processingEnv, e);
                DescriptorSpec spec = reader.read();
                if (spec != null) {
                    write(spec, e);
                }
            }
        }
        return false;
    }

    private void write(DescriptorSpec spec, Element origin) {
        String name = spec.packageName().isEmpty() ? spec.className() : spec.packageName() + "." + spec.className();
        try (Writer w = processingEnv.getFiler().createSourceFile(name, origin).openWriter()) {
            w.write(spec.source());
        } catch (FilerException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot generate " + name + " for "
                    + origin + ": " + e.getMessage() + " (is there a hand-written " + spec.className()
                    + "? remove it, the generated one replaces it)", origin);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + name + ": " + e, origin);
        }
    }
}
