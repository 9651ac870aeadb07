package dev.belay.dsl.expr;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import java.util.UUID;

/** Typed columns of {@code Table.of(Doc.class)}, which has no descriptor class to hold them. */
final class Docs {
    static final Table<Doc> DOCS = Table.of(Doc.class);
    static final Column<Doc, UUID> ID = DOCS.field("id", PgType.UUID);
    static final Column<Doc, String> BODY = DOCS.field("body", PgType.JSONB);
    static final Column<Doc, Boolean> PUBLIC = DOCS.field("is_public", PgType.BOOL);

    private Docs() {}

}
