package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;

/**
 * Identity of a named parameter slot. Two {@code param("name", ...)} calls make two distinct slots even
 * with the same name; binding is by identity, the name is for messages and the {@code :name} display.
 */
public final class ParamKey {
    private final String name;
    private final PgType<?> type;

    public ParamKey(String name, PgType<?> type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    public PgType<?> type() {
        return type;
    }

    @Override
    public String toString() {
        return ":" + name;
    }
}
