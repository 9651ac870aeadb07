package dev.belay.dsl;

import dev.belay.dsl.internal.ParamKey;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The values bound to a statement's {@link Param}s. A statement has a few, bound again on every call of a prebuilt
 * query, so they are two arrays searched by identity (as {@link ParamKey}s compare) and copied per bind: cheaper
 * than copying a map, and immutable, so re-bound statements share nothing that changes.
 */
final class Bindings {
    static final Bindings NONE = new Bindings(new ParamKey[0], new Object[0]);

    private final ParamKey[] keys;
    private final @Nullable Object[] values;

    private Bindings(ParamKey[] keys, @Nullable Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** Where {@code key} is bound, or -1. */
    int indexOf(ParamKey key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        return -1;
    }

    @Nullable Object valueAt(int index) {
        return values[index];
    }

    /** These bindings with {@code key} bound to {@code value}, replacing an earlier value of it. */
    Bindings with(ParamKey key, @Nullable Object value) {
        int at = indexOf(key);
        if (at >= 0) {
            @Nullable Object[] next = values.clone();
            next[at] = value;
            return new Bindings(keys, next);
        }
        // new arrays and arraycopy: Arrays.copyOf of a ParamKey[] goes through reflection for the array type
        ParamKey[] nextKeys = new ParamKey[keys.length + 1];
        @Nullable Object[] next = new Object[keys.length + 1];
        System.arraycopy(keys, 0, nextKeys, 0, keys.length);
        System.arraycopy(values, 0, next, 0, keys.length);
        nextKeys[keys.length] = key;
        next[keys.length] = value;
        return new Bindings(nextKeys, next);
    }

    /** As a map, for rendering the statement with its values inlined (logs, toString). */
    Map<ParamKey, @Nullable Object> asMap() {
        Map<ParamKey, @Nullable Object> map = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }
}
