package dev.belay.dsl;

import dev.belay.dsl.internal.ParamKey;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The values bound to a statement's {@link Param}s. A statement has a few, bound again on every call of a prebuilt
 * query, so they are searched by identity (as {@link ParamKey}s compare) and copied per bind: cheaper than copying a
 * map, and immutable, so re-bound statements share nothing that changes. Most statements have one parameter, so the
 * first binding is held in fields and only the others in arrays: binding a one-parameter query makes one object.
 */
final class Bindings {
    private static final ParamKey[] NO_KEYS = {};
    private static final @Nullable Object[] NO_VALUES = {};
    static final Bindings NONE = new Bindings(null, null, NO_KEYS, NO_VALUES);

    private final @Nullable ParamKey firstKey;
    private final @Nullable Object firstValue;
    /** The bindings after the first. */
    private final ParamKey[] keys;
    private final @Nullable Object[] values;

    private Bindings(@Nullable ParamKey firstKey, @Nullable Object firstValue, ParamKey[] keys,
                     @Nullable Object[] values) {
        this.firstKey = firstKey;
        this.firstValue = firstValue;
        this.keys = keys;
        this.values = values;
    }

    boolean isEmpty() {
        return firstKey == null;
    }

    /** Where {@code key} is bound, or -1. */
    int indexOf(ParamKey key) {
        if (firstKey == key) {
            return 0;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key) {
                return i + 1;
            }
        }
        return -1;
    }

    @Nullable Object valueAt(int index) {
        return index == 0 ? firstValue : values[index - 1];
    }

    /** These bindings with {@code key} bound to {@code value}, replacing an earlier value of it. */
    Bindings with(ParamKey key, @Nullable Object value) {
        if (firstKey == null || firstKey == key) {
            return new Bindings(key, value, keys, values);
        }
        int at = indexOf(key);
        if (at > 0) {
            @Nullable Object[] next = values.clone();
            next[at - 1] = value;
            return new Bindings(firstKey, firstValue, keys, next);
        }
        // new arrays and arraycopy: Arrays.copyOf of a ParamKey[] goes through reflection for the array type
        ParamKey[] nextKeys = new ParamKey[keys.length + 1];
        @Nullable Object[] next = new Object[keys.length + 1];
        System.arraycopy(keys, 0, nextKeys, 0, keys.length);
        System.arraycopy(values, 0, next, 0, keys.length);
        nextKeys[keys.length] = key;
        next[keys.length] = value;
        return new Bindings(firstKey, firstValue, nextKeys, next);
    }

    /** As a map, for rendering the statement with its values inlined (logs, toString). */
    Map<ParamKey, @Nullable Object> asMap() {
        Map<ParamKey, @Nullable Object> map = new HashMap<>();
        if (firstKey != null) {
            map.put(firstKey, firstValue);
        }
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }
}
