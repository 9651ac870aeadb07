package dev.belay.dsl;

import dev.belay.dsl.internal.SortSpec;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ORDER BY item: {@code USER.NAME.desc().nullsLast()} renders {@code "users"."name" DESC NULLS LAST}.
 *
 * @param <T> the type of the sorted field
 */
public final class SortField<T> implements SortItem {
    private final Field<T> field;
    private final boolean descending;
    private final @Nullable Boolean nullsFirst;

    SortField(Field<T> field, boolean descending, @Nullable Boolean nullsFirst) {
        this.field = field;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    /** {@code USER.AGE.asc().nullsFirst()} renders {@code "users"."age" ASC NULLS FIRST}. */
    public SortField<T> nullsFirst() {
        return new SortField<>(field, descending, true);
    }

    /** {@code USER.AGE.desc().nullsLast()} renders {@code "users"."age" DESC NULLS LAST}. */
    public SortField<T> nullsLast() {
        return new SortField<>(field, descending, false);
    }

    Field<T> field() {
        return field;
    }

    boolean descending() {
        return descending;
    }

    @Nullable Boolean nullsOrder() {
        return nullsFirst;
    }

    SortSpec spec() {
        return new SortSpec(field.unaliased(), descending, nullsFirst);
    }

    /** A window's ORDER BY item, where result columns do not exist: PostgreSQL reads {@code 1} as a constant. */
    static SortSpec spec(SortItem item) {
        if (item instanceof ResultColumn || item instanceof ResultSort) {
            throw new IllegalArgumentException("a window's orderBy(...) cannot use " + item + ": only a query's own "
                    + "ORDER BY refers to its result columns; order the window by the field itself");
        }
        return item instanceof SortField<?> s ? s.spec() : new SortSpec(((Field<?>) item).unaliased(), false, null);
    }

    @Override
    public String toString() {
        return field + (descending ? " DESC" : " ASC")
                + (nullsFirst == null ? "" : nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }
}
