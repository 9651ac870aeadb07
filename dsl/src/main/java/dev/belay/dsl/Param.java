package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.ParamKey;

/**
 * A named, typed parameter slot, bound per execution. The query's SQL is rendered once for its shape;
 * each {@code bind} only supplies a value.
 *
 * <pre>{@code
 * static final Param<String> NAME = param("name", String.class);
 * static final Select<User> BY_NAME = select(User.class).where(USER.NAME.eq(NAME));
 * db.exec(BY_NAME.bind(NAME, "Alice"));   // ... WHERE "users"."name" = ?  with ["Alice"]
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class Param<T> extends Field<T> {
    private final ParamKey key;

    Param(ParamKey key, PgType<T> type) {
        super(new Expr.Slot(key), type);
        this.key = key;
    }

    /** The name used in messages and in the {@code :name} display of unbound slots. */
    public String name() {
        return key.name();
    }

    ParamKey key() {
        return key;
    }
}
