package dev.belay.dsl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a column declares only for {@link Sql#createTable createTable}: a single-column UNIQUE constraint, the column
 * a foreign key references, and the DEFAULT expression. Queries do not use them.
 */
record ColumnConstraints(boolean unique, @Nullable Column<?, ?> references, @Nullable Field<?> defaultValue) {
    static final ColumnConstraints NONE = new ColumnConstraints(false, null, null);

    ColumnConstraints withUnique() {
        return new ColumnConstraints(true, references, defaultValue);
    }

    ColumnConstraints withReferences(Column<?, ?> target) {
        return new ColumnConstraints(unique, target, defaultValue);
    }

    ColumnConstraints withDefault(Field<?> value) {
        return new ColumnConstraints(unique, references, value);
    }
}
