package dev.belay.dsl.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the table a row type maps to, for {@code Table.of(User.class)} and {@code select(User.class)}.
 * Without it the table name is the snake_case of the class's simple name.
 *
 * <pre>{@code @Table("users") public record User(@Id @Generated Long id, String name) {}}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table name, unquoted. */
    String value();

    /** The schema, unquoted; empty for the connection's search_path. */
    String schema() default "";
}
