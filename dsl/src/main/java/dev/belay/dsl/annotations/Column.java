package dev.belay.dsl.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the derived column name or type of a record component or field.
 * {@code @Column(value = "e_mail") String email}, {@code @Column(type = "jsonb") String payload}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Column {
    /** The column name, unquoted; empty for the snake_case of the Java name. */
    String value() default "";

    /**
     * The PostgreSQL type: a built-in name ({@code jsonb}, {@code varchar}, {@code numeric}, ...), or the
     * name of an enum, domain or extension type. Empty to derive it from the Java type.
     */
    String type() default "";
}
