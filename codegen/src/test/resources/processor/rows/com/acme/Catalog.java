package com.acme;

import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.annotations.Table;

/** Nested row types, and names that would clash in generated code. */
public final class Catalog {
    private Catalog() {}

    /** A row type named like Belay's Column: the descriptor names Belay's types in full. */
    @Table("columns")
    public record Column(@Id String table, String column) {}

    /** A component named like the table: the instance is NOTE_TABLE. */
    @Table("notes")
    record Note(@Id Long id, String note) {}
}
