package dev.belay.dsl;

import java.util.Map;

/**
 * An immutable statement that renders parameterized SQL. Safe to build once, keep in a static
 * field and share between threads; its SQL text is rendered once and cached.
 */
public interface Query {
    /** The SQL with {@code ?} placeholders and its parameters. */
    default RenderedSql render() {
        return render(Placeholders.JDBC);
    }

    /** The SQL with the given placeholder style and its parameters. */
    RenderedSql render(Placeholders style);

    /**
     * The SQL with every table of a schema that {@code schemas} maps written in the schema it maps to, an
     * unqualified table counting as in {@code public}: with {@code Map.of("public", "tenant_a")},
     * {@code select(USER.NAME).from(USER)} renders {@code SELECT "users"."name" FROM "tenant_a"."users"}. The
     * executor renders each statement this way with its {@code DBConfig}'s mapping, once per statement and mapping.
     *
     * @throws UnsupportedOperationException when this query cannot be rendered with a mapping (only Belay's own
     *     queries can) and the mapping is not empty
     */
    default RenderedSql render(Placeholders style, Map<String, String> schemas) {
        if (schemas.isEmpty()) {
            return render(style);
        }
        throw new UnsupportedOperationException(getClass().getName() + " cannot render its tables in mapped schemas "
                + schemas);
    }

    /**
     * True when running the statement can change data: an INSERT, UPDATE or DELETE (with or without
     * RETURNING), or a query whose WITH holds one. The executor makes {@code one()} on such a statement
     * atomic and refuses {@code first()}, which would hide the rows it changed.
     *
     * <pre>{@code
     * deleteFrom(USER).where(USER.AGE.lt(18)).returning(USER.ID).modifiesData();   // true
     * select(User.class).modifiesData();                                          // false
     * }</pre>
     */
    boolean modifiesData();
}
