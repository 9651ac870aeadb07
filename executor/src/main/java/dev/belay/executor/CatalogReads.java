package dev.belay.executor;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions {@link DBConnection} answers from {@code pg_catalog}: which tables exist, what columns and keys they
 * have, which labels an enum has. A table named by a descriptor without a schema is looked up the way PostgreSQL
 * resolves the name in a statement: through the session's {@code search_path}.
 */
final class CatalogReads {
    private CatalogReads() {}

    /** The relation a descriptor names, as an OID, or NULL: {@code to_regclass} resolves it like a statement would. */
    private static final String RELATION = "to_regclass(:name)";

    /** The same as an OID to compare with {@code attrelid}; NULL matches nothing, and absence is told apart after. */
    private static final String RELATION_OID = "CAST(" + RELATION + " AS oid)";

    static boolean tableExists(DBConnection db, Table<?> table) {
        Boolean exists = db.sql("SELECT " + RELATION + " IS NOT NULL").bind("name", qualified(table)).one(Boolean.class);
        return Boolean.TRUE.equals(exists);
    }

    static List<TableInfo> tables(DBConnection db, String schema) {
        List<Row> rows = db.sql("SELECT n.nspname, c.relname, CAST(c.relkind AS text) FROM pg_catalog.pg_class c "
                + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition "
                + "ORDER BY c.relname").bind("schema", schema).fetch(Row.class);
        List<TableInfo> tables = new ArrayList<>(rows.size());
        for (Row r : rows) {
            tables.add(new TableInfo(text(r, 0), text(r, 1), TableInfo.Kind.of(text(r, 2))));
        }
        return tables;
    }

    static List<ColumnInfo> columns(DBConnection db, Table<?> table) {
        List<Row> rows = db.sql("SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, "
                + "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, "
                + "CAST(a.attidentity AS text), a.attgenerated <> '' "
                + "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d "
                + "ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = " + RELATION_OID + " AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum").bind("name", qualified(table)).fetch(Row.class);
        List<ColumnInfo> columns = new ArrayList<>(rows.size());
        for (Row r : rows) {
            columns.add(new ColumnInfo(text(r, 0), text(r, 1), Boolean.TRUE.equals(r.get(2)), (String) r.get(3),
                    ColumnInfo.Identity.of(text(r, 4)), Boolean.TRUE.equals(r.get(5))));
        }
        if (columns.isEmpty()) {
            requireExists(db, table);
        }
        return columns;
    }

    static List<String> primaryKey(DBConnection db, Table<?> table) {
        List<String> key = db.sql("SELECT a.attname FROM pg_catalog.pg_index i "
                + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = " + RELATION_OID + " AND i.indisprimary ORDER BY k.ord")
                .bind("name", qualified(table)).fetch(String.class);
        if (key.isEmpty()) {
            requireExists(db, table);
        }
        return key;
    }

    static List<String> enumLabels(DBConnection db, String typeName) {
        List<String> labels = db.sql("SELECT e.enumlabel FROM pg_catalog.pg_enum e "
                + "WHERE e.enumtypid = to_regtype(:type) ORDER BY e.enumsortorder").bind("type", typeName)
                .fetch(String.class);
        if (labels.isEmpty()) {
            String kind = db.sql("SELECT CAST(t.typtype AS text) FROM pg_catalog.pg_type t WHERE t.oid = to_regtype(:type)")
                    .bind("type", typeName).first(String.class).orElse(null);
            if (kind == null) {
                throw new IllegalArgumentException("enumLabels(" + typeName + "): there is no type of that name on the "
                        + "search_path; a schema-qualified name is written schema.type");
            }
            if (!kind.equals("e")) {
                throw new IllegalArgumentException("enumLabels(" + typeName + "): the type is not an enum");
            }
        }
        return labels;
    }

    static List<String> enumLabels(DBConnection db, PgType<?> type) {
        return enumLabels(db, type.sqlName());
    }

    private static void requireExists(DBConnection db, Table<?> table) {
        if (!tableExists(db, table)) {
            throw new IllegalArgumentException("table " + qualified(table) + " does not exist in the database (looked "
                    + "up through the search_path" + (table.schema() == null ? "" : " in its schema") + ")");
        }
    }

    /** The name as SQL writes it, quoted, so that mixed case and dots in names are looked up exactly. */
    private static String qualified(Table<?> table) {
        String quoted = Identifiers.quote(table.name());
        return table.schema() == null ? quoted : Identifiers.quote(table.schema()) + "." + quoted;
    }

    private static String text(Row r, int i) {
        Object v = r.get(i);
        if (v == null) {
            throw new IllegalStateException("pg_catalog returned NULL in column " + (i + 1));
        }
        return v.toString();
    }
}
