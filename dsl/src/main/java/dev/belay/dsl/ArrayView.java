package dev.belay.dsl;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A read-only list over an array that nothing else holds: the parameters of a rendering, made on every render
 * and every execution, without the copies and wrappers of {@code List.copyOf} (which also refuses nulls).
 */
final class ArrayView<E extends @Nullable Object> extends AbstractList<E> implements RandomAccess {
    private final E[] items;

    ArrayView(E[] items) {
        this.items = items;
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
