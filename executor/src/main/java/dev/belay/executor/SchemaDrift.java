package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One way a descriptor and the database disagree, from {@link SchemaVerifier}: {@code table "orders": column
 * "total" is numeric in the descriptor but text in the database}.
 *
 * @param table the table as the descriptor names it, quoted ({@code "app"."docs"})
 * @param column the column at fault, or null for the table as a whole
 * @param kind what disagrees
 * @param detail the sentence that says how
 */
public record SchemaDrift(String table, @Nullable String column, Kind kind, String detail) {

    /** What can drift. */
    public enum Kind {
        /** The table is not in the database. */
        MISSING_TABLE,
        /** A descriptor column is not in the table. */
        MISSING_COLUMN,
        /** The column's type in the database is not the descriptor's PgType. */
        TYPE_MISMATCH,
        /** NOT NULL in one and nullable in the other. */
        NULLABILITY_MISMATCH,
        /** The descriptor says the database fills the column, but it has no default or identity. */
        NO_DEFAULT,
        /** A NOT NULL column without a default that the descriptor does not know, so every insert through it fails. */
        UNKNOWN_REQUIRED_COLUMN,
        /** The Java enum's constants are not the PostgreSQL enum's labels, in order. */
        ENUM_LABELS_DIFFER
    }

    @Override
    public String toString() {
        return "table " + table + (column == null ? "" : ": column \"" + column + "\"") + " " + detail;
    }
}
