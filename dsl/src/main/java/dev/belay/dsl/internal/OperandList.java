package dev.belay.dsl.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operands of an AND or OR chain: an immutable list that {@code c = c.and(x)} extends in constant time
 * (amortized), where copying the operands at each step made a chain of n conditions cost n² (50,000 chained
 * {@code and} calls took seconds). Lists made from one another share a growing array; each sees only its own
 * first {@code size} items, which are never written again. The first list to append at its end claims the next
 * cell; a list that is no longer at the end (a branch: {@code c.and(a)} and {@code c.and(b)}) copies instead.
 * Equality, hashing and toString are AbstractList's loops, so a long chain cannot overflow the stack.
 */
public final class OperandList extends AbstractList<Expr> implements RandomAccess {
    /** The array shared by lists made from one another, and how many of its cells are claimed. */
    private static final class Cells {
        final Expr[] items;
        final AtomicInteger claimed;

        Cells(Expr[] items, int claimed) {
            this.items = items;
            this.claimed = new AtomicInteger(claimed);
        }
    }

    private final Cells cells;
    private final int size;

    private OperandList(Cells cells, int size) {
        this.cells = cells;
        this.size = size;
    }

    /** The list itself when it is an OperandList (to extend in place), else a copy. */
    public static OperandList of(List<Expr> items) {
        if (items instanceof OperandList o) {
            return o;
        }
        Expr[] copy = items.toArray(new Expr[Math.max(8, items.size() * 2)]);
        return new OperandList(new Cells(copy, items.size()), items.size());
    }

    /** This list followed by {@code item}; this list is unchanged. */
    public OperandList append(Expr item) {
        Cells c = cells;
        if (size < c.items.length && c.claimed.compareAndSet(size, size + 1)) {
            // written before the new list exists, so whoever sees that list sees the item (final-field freeze)
            c.items[size] = item;
            return new OperandList(c, size + 1);
        }
        Expr[] grown = Arrays.copyOf(c.items, Math.max(8, size * 2));
        grown[size] = item;
        return new OperandList(new Cells(grown, size + 1), size + 1);
    }

    /** This list followed by every one of {@code items}. */
    public OperandList appendAll(List<Expr> items) {
        OperandList result = this;
        for (Expr e : items) {
            result = result.append(e);
        }
        return result;
    }

    @Override
    public Expr get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return cells.items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
