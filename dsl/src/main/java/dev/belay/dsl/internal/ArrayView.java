package dev.belay.dsl.internal;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A read-only list over an array that nothing else holds or writes: the parameters of a rendering, made on every
 * render and every execution, and the rows of {@code insertInto(T).values(rows)}, without the copies and wrappers
 * of {@code List.copyOf} (which also refuses nulls). Whoever makes one gives up the array.
 */
public final class ArrayView<E extends @Nullable Object> extends AbstractList<E> implements RandomAccess {
    private final E[] items;

    private ArrayView(E[] items) {
        this.items = items;
    }

    /** A list over {@code items}, which the caller must never write again. */
    public static <E extends @Nullable Object> ArrayView<E> of(E[] items) {
        return new ArrayView<>(items);
    }

    @Override
    public E get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
