package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import java.util.Collection;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL text, varchar and json cannot hold NUL (0x00). The server would refuse the statement with
 * "invalid byte sequence" and no column; refusing the value while the query is built names the column or
 * parameter it was meant for, and nothing is sent.
 */
final class NulText {
    private NulText() {}

    /** A bound value, after checking it (and each element of a list) for NUL. */
    static Expr.Bind bind(Supplier<String> where, @Nullable Object value, PgType<?> type) {
        refuse(where, value);
        return new Expr.Bind(value, type, where);
    }

    /**
     * Throws when {@code value} is a string holding NUL, or a collection with such an element.
     *
     * @param where what the value is for, e.g. {@code insertInto(users): column users.name}; built only on failure
     */
    static void refuse(Supplier<String> where, @Nullable Object value) {
        if (value instanceof String s) {
            int at = s.indexOf('\0');
            if (at >= 0) {
                throw new IllegalArgumentException(where.get() + ": the text contains a NUL character (0x00) at "
                        + "index " + at + "; PostgreSQL cannot store NUL in text or json. Strip it, or store the "
                        + "data as bytea");
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                int index = i++;
                refuse(() -> where.get() + ", element " + index, item);
            }
        }
    }
}
