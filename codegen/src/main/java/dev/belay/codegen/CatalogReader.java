package dev.belay.codegen;

import dev.belay.codegen.CatalogModel.CatalogColumn;
import dev.belay.codegen.CatalogModel.EnumType;
import dev.belay.codegen.CatalogModel.ForeignKey;
import dev.belay.codegen.CatalogModel.Relation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables, views, enums, keys and comments of one schema from pg_catalog over plain JDBC. A domain is read as
 * its base type, so a column of {@code DOMAIN email AS text} is a text column. Everything comes back sorted by name
 * (columns by position), so the generated code is the same for the same schema.
 */
final class CatalogReader {
    private static final String ENUMS = """
            SELECT t.typname, e.enumlabel, obj_description(t.oid, 'pg_type')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ? ORDER BY t.typname COLLATE "C", e.enumsortorder""";

    private static final String RELATIONS = """
            SELECT c.relname, c.relkind IN ('v', 'm'), obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
            ORDER BY c.relname COLLATE "C\"""";

    /** A domain column is read as its base type: coalesce(base, own) for the type and its array element. */
    private static final String COLUMNS = """
            SELECT c.relname, a.attnum, a.attname, t.typname, t.typtype, et.typname,
                   a.attnotnull, a.attidentity <> '' OR a.attgenerated <> '' OR a.atthasdef,
                   EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p'
                           AND a.attnum = ANY (k.conkey)),
                   col_description(c.oid, a.attnum)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type dt ON dt.oid = a.atttypid
            LEFT JOIN pg_type dt2 ON dt2.oid = dt.typbasetype AND dt.typtype = 'd'
            JOIN pg_type t ON t.oid = CASE WHEN dt.typtype <> 'd' THEN dt.oid
                                           WHEN dt2.typtype = 'd' THEN dt2.typbasetype ELSE dt.typbasetype END
            LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
            WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
            ORDER BY c.relname COLLATE "C", a.attnum""";

    private static final String FOREIGN_KEYS = """
            SELECT c.relname, a.attname, fc.relname, fa.attname
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class fc ON fc.oid = k.confrelid
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
            JOIN pg_attribute fa ON fa.attrelid = fc.oid AND fa.attnum = k.confkey[1]
            WHERE n.nspname = ? AND k.contype = 'f' AND cardinality(k.conkey) = 1 AND fc.relnamespace = n.oid
            ORDER BY c.relname COLLATE "C", a.attname COLLATE "C", k.conname COLLATE "C\"""";

    private CatalogReader() {}

    static CatalogModel read(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        Map<String, String> enumComments = new LinkedHashMap<>();
        query(connection, ENUMS, schema, rs -> {
            labels.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            if (rs.getString(3) != null) {
                enumComments.put(rs.getString(1), rs.getString(3));
            }
        });
        List<EnumType> enums = new ArrayList<>();
        labels.forEach((name, l) -> enums.add(new EnumType(name, l, enumComments.get(name))));

        Map<String, List<CatalogColumn>> columns = new LinkedHashMap<>();
        query(connection, COLUMNS, schema, rs -> columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new CatalogColumn(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5).charAt(0),
                        rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10))));
        Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();
        query(connection, FOREIGN_KEYS, schema, rs -> keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new ForeignKey(rs.getString(2), rs.getString(3), rs.getString(4))));
        List<Relation> relations = new ArrayList<>();
        query(connection, RELATIONS, schema, rs -> {
            String name = rs.getString(1);
            relations.add(new Relation(name, rs.getBoolean(2), rs.getString(3), columns.getOrDefault(name, List.of()),
                    keys.getOrDefault(name, List.of())));
        });
        return new CatalogModel(schema, relations, enums);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, String schema, RowReader reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
