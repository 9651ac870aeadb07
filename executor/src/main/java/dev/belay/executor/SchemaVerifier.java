package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares descriptors with the live catalog, for application start-up and tests: a missing table or column, a
 * type or nullability that differs, a generated column the database cannot fill, a NOT NULL column the descriptor
 * does not know, enum labels that are not the Java constants.
 *
 * <pre>{@code
 * SchemaVerifier.requireMatch(db, USER, ORDER);      // at start-up: throws SchemaDriftException listing each drift
 * List<SchemaDrift> drift = SchemaVerifier.verify(db, USER, ORDER);   // or look at them
 * }</pre>
 *
 * Types are compared as PostgreSQL resolves them ({@code int8} is {@code bigint}); length and precision modifiers are
 * not part of a descriptor's type, so {@code varchar(80)} matches {@code PgType.VARCHAR}.
 */
public final class SchemaVerifier {
    private SchemaVerifier() {}

    /** Every drift between the descriptors and the database, table by table in the order given; empty when none. */
    public static List<SchemaDrift> verify(DBConnection db, Table<?>... tables) {
        Objects.requireNonNull(db, "db");
        List<SchemaDrift> drift = new ArrayList<>();
        Map<String, Long> typeOids = new HashMap<>();
        for (Table<?> table : tables) {
            verifyTable(db, db.mapped(Objects.requireNonNull(table, "table")), typeOids, drift);
        }
        return drift;
    }

    /**
     * Throws {@link SchemaDriftException} listing every drift, when there is any.
     *
     * @throws SchemaDriftException when a descriptor does not match the database
     */
    public static void requireMatch(DBConnection db, Table<?>... tables) {
        List<SchemaDrift> drift = verify(db, tables);
        if (!drift.isEmpty()) {
            throw new SchemaDriftException(drift);
        }
    }

    /** A column as the catalog has it, with its type as an OID to compare with the descriptor's resolved type. */
    private record Actual(String name, long typeOid, String typeName, boolean nullable, boolean filled) {}

    private static void verifyTable(DBConnection db, Table<?> table, Map<String, Long> typeOids,
                                    List<SchemaDrift> drift) {
        String name = qualified(table);
        if (!db.tableExists(table)) {
            drift.add(new SchemaDrift(name, null, SchemaDrift.Kind.MISSING_TABLE, "is not in the database"));
            return;
        }
        Map<String, Actual> actual = new LinkedHashMap<>();
        for (Row r : db.sql("SELECT a.attname, CAST(a.atttypid AS int8), format_type(a.atttypid, NULL), "
                + "NOT a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '' "
                + "FROM pg_catalog.pg_attribute a WHERE a.attrelid = CAST(to_regclass(:name) AS oid) "
                + "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum").bind("name", name).fetch(Row.class)) {
            actual.put((String) r.get(0), new Actual((String) r.get(0), (Long) r.get(1), (String) r.get(2),
                    Boolean.TRUE.equals(r.get(3)), Boolean.TRUE.equals(r.get(4))));
        }
        List<String> declared = new ArrayList<>();
        for (Column<?, ?> c : table.columns()) {
            declared.add(c.name());
            Actual a = actual.get(c.name());
            if (a == null) {
                drift.add(new SchemaDrift(name, c.name(), SchemaDrift.Kind.MISSING_COLUMN, "is not in the database"));
                continue;
            }
            Long expected = typeOids.computeIfAbsent(c.type().sqlName(), sqlName -> typeOid(db, sqlName));
            if (expected == null || expected != a.typeOid()) {
                drift.add(new SchemaDrift(name, c.name(), SchemaDrift.Kind.TYPE_MISMATCH, "is " + c.type().sqlName()
                        + (expected == null ? " (no such type)" : "") + " in the descriptor but " + a.typeName()
                        + " in the database"));
            } else if (c.type().kind() == PgType.Kind.ENUM) {
                enumLabels(db, name, c, drift);
            }
            if (c.isNullable() != a.nullable()) {
                drift.add(new SchemaDrift(name, c.name(), SchemaDrift.Kind.NULLABILITY_MISMATCH, c.isNullable()
                        ? "is nullable() in the descriptor but NOT NULL in the database, so writing NULL fails"
                        : "is NOT NULL in the descriptor but nullable in the database, so reading a NULL fails"));
            }
            if (c.isGenerated() && !a.filled()) {
                drift.add(new SchemaDrift(name, c.name(), SchemaDrift.Kind.NO_DEFAULT, "is generated() in the "
                        + "descriptor but has no default or identity in the database, so inserts that leave it out fail"));
            }
        }
        for (Actual a : actual.values()) {
            if (!declared.contains(a.name()) && !a.nullable() && !a.filled()) {
                drift.add(new SchemaDrift(name, a.name(), SchemaDrift.Kind.UNKNOWN_REQUIRED_COLUMN, "is NOT NULL "
                        + "without a default in the database but not in the descriptor, so every insert through it fails"));
            }
        }
    }

    private static void enumLabels(DBConnection db, String table, Column<?, ?> c, List<SchemaDrift> drift) {
        List<String> constants = new ArrayList<>();
        for (Object constant : c.type().javaType().getEnumConstants()) {
            constants.add(((Enum<?>) constant).name());
        }
        List<String> labels = db.enumLabels(c.type());
        if (!constants.equals(labels)) {
            drift.add(new SchemaDrift(table, c.name(), SchemaDrift.Kind.ENUM_LABELS_DIFFER, "has enum "
                    + c.type().sqlName() + " whose labels in the database are " + labels + " but the Java enum "
                    + c.type().javaType().getSimpleName() + " has " + constants));
        }
    }

    /** The type's OID as PostgreSQL resolves the descriptor's type name, or null when there is no such type. */
    private static Long typeOid(DBConnection db, String sqlName) {
        return db.sql("SELECT CAST(CAST(to_regtype(:type) AS oid) AS int8)").bind("type", sqlName).one(Long.class);
    }

    private static String qualified(Table<?> table) {
        String quoted = Identifiers.quote(table.name());
        return table.schema() == null ? quoted : Identifiers.quote(table.schema()) + "." + quoted;
    }
}
