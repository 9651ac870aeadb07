package dev.belay.dsl;

import dev.belay.dsl.internal.Identifiers;
import dev.belay.dsl.internal.WindowClause;
import dev.belay.dsl.internal.WindowDef;

/**
 * A window defined once in a SELECT's WINDOW clause and used by name, so several functions share it:
 *
 * <pre>{@code
 * NamedWindow w = window("w", partitionBy(ORDER.USER_ID).orderBy(ORDER.ID.asc()));
 * select(ORDER.ID, rowNumber().over(w), sum(ORDER.TOTAL).over(w)).from(ORDER).window(w);
 * // SELECT "orders"."id", row_number() OVER "w", sum("orders"."total") OVER "w" FROM "orders"
 * //   WINDOW "w" AS (PARTITION BY "orders"."user_id" ORDER BY "orders"."id" ASC)
 * }</pre>
 *
 * A function over a name the SELECT does not define is refused when the query is rendered.
 */
public final class NamedWindow {
    private final String name;
    private final WindowDef definition;

    NamedWindow(String name, WindowSpec definition) {
        this.name = Identifiers.check(name, "window name");
        this.definition = definition.definition();
    }

    /** The window's name, as the WINDOW clause and {@code OVER} write it (quoted). */
    public String name() {
        return name;
    }

    WindowClause clause() {
        return new WindowClause(name, definition);
    }

    /** {@code OVER "name"}. */
    static WindowDef reference(String name) {
        return WindowDef.named(Identifiers.check(name, "window name"));
    }

    @Override
    public String toString() {
        return "window " + name;
    }
}
