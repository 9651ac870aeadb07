package dev.belay.codegen;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What {@link CatalogReader} finds in one schema: plain facts, in PostgreSQL's names, sorted. */
record CatalogModel(String schema, List<Relation> relations, List<EnumType> enums) {
    CatalogModel {
        relations = List.copyOf(relations);
        enums = List.copyOf(enums);
    }

    /** A table or view ({@code view} true for views and materialized views). */
    record Relation(String name, boolean view, @Nullable String comment, List<CatalogColumn> columns,
                    List<ForeignKey> foreignKeys) {
        Relation {
            columns = List.copyOf(columns);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /**
     * A column. {@code type} is its type's name (a domain's base type), {@code typeKind} that type's pg_type.typtype
     * (b base, e enum, ...), {@code element} the element type's name for an array. {@code generated}: identity,
     * generated, serial or any other default.
     */
    record CatalogColumn(int number, String name, String type, char typeKind, @Nullable String element,
                         boolean notNull, boolean generated, boolean primaryKey, @Nullable String comment) {}

    /** A single-column foreign key: {@code column} references {@code target}.{@code targetColumn}. */
    record ForeignKey(String column, String target, String targetColumn) {}

    /** An enum type and its labels in their sort order. */
    record EnumType(String name, List<String> labels, @Nullable String comment) {
        EnumType {
            labels = List.copyOf(labels);
        }
    }
}
