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
}
