package dev.belay.dsl.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable list that a chain of builder calls extends in constant time (amortized): the operands of an AND or
 * OR chain ({@code c = c.and(x)}), the rows of {@code insertInto(T).columns(..).values(..).values(..)}. Copying the
 * list at each step made a chain of n calls cost n² (50,000 chained {@code and} calls took seconds; 10,000 rows
 * allocated over 100 MB). Lists made from one another share a growing array; each sees only its own
 * first {@code size} items, which are never written again. The first list to append at its end claims the next
 * cell; a list that is no longer at the end (a branch: {@code c.and(a)} and {@code c.and(b)}) copies instead.
 * Equality, hashing and toString are AbstractList's loops, so a long chain cannot overflow the stack.
 */
public final class AppendList<E> extends AbstractList<E> implements RandomAccess {
    /** The array shared by lists made from one another, and how many of its cells are claimed. */
    private static final class Cells {
        final Object[] items;
        final AtomicInteger claimed;

        Cells(Object[] items, int claimed) {
            this.items = items;
            this.claimed = new AtomicInteger(claimed);
        }
    }

    private final Cells cells;
    private final int size;

    private AppendList(Cells cells, int size) {
        this.cells = cells;
        this.size = size;
    }

    /** The list itself when it is an OperandList (to extend in place), else a copy. */
    @SuppressWarnings("unchecked") // an AppendList is only ever extended with its own element type
    public static <E> AppendList<E> of(List<? extends E> items) {
        if (items instanceof AppendList<?> o) {
            return (AppendList<E>) o;
        }
        Object[] copy = Arrays.copyOf(items.toArray(), Math.max(8, items.size() * 2));
        for (int i = 0; i < items.size(); i++) {
            Objects.requireNonNull(copy[i], "element");
        }
        return new AppendList<>(new Cells(copy, items.size()), items.size());
    }

    /** This list followed by {@code item}; this list is unchanged. */
    public AppendList<E> append(E item) {
        Objects.requireNonNull(item, "item");
        Cells c = cells;
        if (size < c.items.length && c.claimed.compareAndSet(size, size + 1)) {
            // written before the new list exists, so whoever sees that list sees the item (final-field freeze)
            c.items[size] = item;
            return new AppendList<>(c, size + 1);
        }
        Object[] grown = Arrays.copyOf(c.items, Math.max(8, size * 2));
        grown[size] = item;
        return new AppendList<>(new Cells(grown, size + 1), size + 1);
    }

    /** This list followed by every one of {@code items}. */
    public AppendList<E> appendAll(List<? extends E> items) {
        AppendList<E> result = this;
        for (E e : items) {
            result = result.append(e);
        }
        return result;
    }

    @Override
    @SuppressWarnings("unchecked") // only E is ever stored
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return (E) cells.items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
