package dev.belay.it.scoped;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Id;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Two tables whose rows belong to a tenant, for the scoped-table and schema-mapping tests. */
final class Tenants {
    private Tenants() {}

    record Note(@Id @Nullable Long id, @Nullable Long tenantId, String body) {}

    record Label(@Id @Nullable Long id, @Nullable Long tenantId, long noteId, String name) {}

    static final class NoteTable extends Table<Note> {
        static final NoteTable NOTE = new NoteTable();
        final Column<Note, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Note, Long> TENANT_ID = column("tenant_id", PgType.INT8);
        final Column<Note, String> BODY = column("body", PgType.TEXT);

        private NoteTable() {
            super("notes", Note.class);
        }

        private NoteTable(Alias alias) {
            super(alias);
        }
    }

    static final class LabelTable extends Table<Label> {
        static final LabelTable LABEL = new LabelTable();
        final Column<Label, Long> ID = column("id", PgType.INT8).primaryKey().generated();
        final Column<Label, Long> TENANT_ID = column("tenant_id", PgType.INT8);
        final Column<Label, Long> NOTE_ID = column("note_id", PgType.INT8);
        final Column<Label, String> NAME = column("name", PgType.TEXT);

        private LabelTable() {
            super("labels", Label.class);
        }

        private LabelTable(Alias alias) {
            super(alias);
        }
    }
}
