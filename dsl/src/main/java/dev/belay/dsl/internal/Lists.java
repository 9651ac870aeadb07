package dev.belay.dsl.internal;

import java.util.List;

/**
 * Immutable lists for the nodes a builder makes at every step. {@code List.copyOf} copies any list that is not one
 * of the JDK's own immutable lists, so a node list made as an {@link ArrayView} or {@link AppendList} was copied
 * again by each node that took it; building a three-table join spent a sixth of its time in such copies.
 */
public final class Lists {
    private Lists() {}

    /** {@code list} itself when it is immutable already (the JDK's, an ArrayView, AppendList or ColumnList), else a copy. */
    public static <E> List<E> immutable(List<E> list) {
        return list instanceof ArrayView<?> || list instanceof AppendList<?> || list instanceof ColumnList ? list
                : List.copyOf(list);
    }

    /** {@code list} followed by {@code item}, as a new immutable list made with one copy. */
    public static <E> List<E> plus(List<? extends E> list, E item) {
        int size = list.size();
        if (size == 0) {
            return List.of(item);
        }
        if (size == 1) {
            return List.of(list.get(0), item);
        }
        @SuppressWarnings("unchecked") // holds only E
        E[] items = (E[]) list.toArray(new Object[size + 1]);
        items[size] = java.util.Objects.requireNonNull(item, "item");
        return ArrayView.of(items);
    }

    /** The array as an immutable list without copying it; the caller gives the array up. */
    public static <E> List<E> of(E[] items) {
        return items.length <= 2 ? List.of(items) : ArrayView.of(items);
    }
}
