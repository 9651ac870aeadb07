package dev.belay.dsl;

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
