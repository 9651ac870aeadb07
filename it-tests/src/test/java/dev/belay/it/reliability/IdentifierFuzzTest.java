package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.deleteFrom;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;
import static dev.belay.it.reliability.Judge.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.InsertValuesN;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.it.reliability.Judge.Mismatches;
import dev.belay.test.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 1,050 generated identifiers (50 table names, 20 column names each) with spaces, quotes, backslashes,
 * keywords, leading digits, {@code $}, placeholders, comments, mixed case and Unicode, up to PostgreSQL's
 * 63 bytes. The tables are created with hand-quoted DDL over JDBC; Belay then inserts, selects, updates,
 * deletes and self-joins through descriptors built from the same strings at run time. pg_catalog must
 * show exactly the generated names, and each statement must touch exactly the rows it names.
 *
 * <p>Replay a run with {@code -Dbelay.fuzz.seed=N}; every failure message carries the seed.
 */
@FixtureDatabase
final class IdentifierFuzzTest {
    private static final long SEED = Fuzz.seed(0x5EED_0002L);
    private static final int TABLES = 50;
    private static final int COLUMNS = 20;
    private static final int ROWS = 6;
    private static final int MAX_BYTES = 63;
    private static final Set<String> SYSTEM_COLUMNS = Set.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid");
    private static final List<String> KEYWORDS = List.of("select", "from", "user", "table", "where", "order", "group",
            "SELECT", "User", "null", "NULL", "true", "default", "all", "and", "or", "as", "limit", "returning",
            "excluded", "on", "conflict", "insert", "delete", "column", "primary", "check", "cast", "end", "inserted");
    private static final List<String> SYNTAX = List.of(" ", "  ", "\"", "\"\"", "\\", "'", ";", "--", "/*", "*/", "$",
            "$1", "$$", "$tag$", "?", "??", ":", ":name", "::", ".", ",", "(", ")", "%", "_", "*", "=", "\t", "\n", "[",
            "]", "{", "}", "@", "#", "&", "|", "U&\"", "e'");
    private static final List<String> UNICODE = List.of("é", "e\u0301", "ß", "İ", "ı", "Ж", "中", "日本", "שלום",
            "مرحبا", "\u200F", "😀", "👨‍👩‍👧", "𝕏", "\uFEFF", "\u00A0", "Ω", "\u0007");

    /** One generated table: its name, its column names (the first is the key) and its rows as the model has them. */
    record Spec(String name, List<String> columns, List<Object[]> rows) {}

    private static DBConnection db;
    private static TestDatabase testDb;

    @BeforeAll
    static void open(TestDatabase t) {
        testDb = t;
        db = t.open();
    }

    private static String ctx(String what) {
        return "seed " + SEED + " (replay with -Dbelay.fuzz.seed=" + SEED + "): " + what;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- generation -----------------------------------------------------------------------------

    /** A name of 1 to 63 UTF-8 bytes without NUL; about one in seven is exactly 63 bytes long. */
    private static String identifier(Fuzz f) {
        switch (f.nextInt(20)) {
            case 0:
                return ascii(f, MAX_BYTES);
            case 1:
                return ascii(f, MAX_BYTES - 3) + "中";
            case 2:
                return ascii(f, MAX_BYTES - 4) + "😀";
            case 3:
                return f.pick(KEYWORDS);
            case 4:
                return f.nextInt(1_000) + letters(f);
            default:
                StringBuilder out = new StringBuilder();
                for (int pieces = 1 + f.nextInt(8); pieces > 0; pieces--) {
                    String piece = switch (f.nextInt(5)) {
                        case 0 -> letters(f);
                        case 1 -> f.pick(SYNTAX);
                        case 2 -> f.pick(UNICODE);
                        case 3 -> f.pick(KEYWORDS);
                        default -> String.valueOf(f.nextInt(100));
                    };
                    if (bytes(out + piece) > MAX_BYTES) {
                        break;
                    }
                    out.append(piece);
                }
                return out.length() == 0 ? letters(f) : out.toString();
        }
    }

    private static String letters(Fuzz f) {
        StringBuilder out = new StringBuilder();
        for (int n = 1 + f.nextInt(8); n > 0; n--) {
            char c = (char) ('a' + f.nextInt(26));
            out.append(f.chance(0.4) ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static String ascii(Fuzz f, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + f.nextInt(0x5F)));
        }
        return out.toString();
    }

    /** A sibling that only differs in case, a space or the normalisation form: quoting must keep them apart. */
    private static String sibling(Fuzz f, String s) {
        return switch (f.nextInt(4)) {
            case 0 -> s.toUpperCase(Locale.ROOT);
            case 1 -> s.toLowerCase(Locale.ROOT);
            case 2 -> s + " ";
            default -> Normalizer.normalize(s, f.nextInt(2) == 0 ? Normalizer.Form.NFD : Normalizer.Form.NFC);
        };
    }

    private static List<Spec> generate(Fuzz f, Set<String> taken) {
        List<Spec> specs = new ArrayList<>();
        Set<String> tableNames = new HashSet<>(taken);
        while (specs.size() < TABLES) {
            String name = identifier(f);
            if (!tableNames.add(name)) {
                continue;
            }
            Set<String> columns = new LinkedHashSet<>();
            String last = null;
            while (columns.size() < COLUMNS) {
                String c = last != null && f.chance(0.2) ? sibling(f, last) : identifier(f);
                if (bytes(c) <= MAX_BYTES && !SYSTEM_COLUMNS.contains(c) && columns.add(c)) {
                    last = c;
                }
            }
            List<String> names = List.copyOf(columns);
            List<Object[]> rows = new ArrayList<>();
            for (long key = 1; key <= ROWS; key++) {
                Object[] row = new Object[COLUMNS];
                row[0] = key;
                for (int i = 1; i < COLUMNS; i++) {
                    row[i] = f.chance(0.1) ? null : DynamicTable.isText(i) ? textValue(f, name, names) : f.nextInt(2_000) - 1_000;
                }
                rows.add(row);
            }
            specs.add(new Spec(name, names, rows));
        }
        return specs;
    }

    /** Text values that look like the identifiers around them, or like SQL. */
    private static String textValue(Fuzz f, String table, List<String> columns) {
        return switch (f.nextInt(3)) {
            case 0 -> table;
            case 1 -> f.pick(columns);
            default -> f.text();
        };
    }

    /** Every relation and type name in schema public, which a new table's name must not repeat. */
    private static Set<String> takenNames() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname::text FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                     + "UNION SELECT typname::text FROM pg_type WHERE typnamespace = 'public'::regnamespace")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    // ---- the test -------------------------------------------------------------------------------

    @Test
    void generatedNamesReachPostgreSQLExactlyAndStatementsTouchExactlyTheirRows() throws SQLException {
        Fuzz f = new Fuzz(SEED);
        Set<String> fixtureTables = publicTables().keySet();
        List<Spec> specs = generate(f, takenNames());
        List<String> ddl = new ArrayList<>();
        for (Spec s : specs) {
            ddl.add(DynamicTable.ddl(s.name(), s.columns()));
        }
        testDb.execute(String.join(";\n", ddl));

        for (Spec s : specs) {
            exercise(f, s);
        }

        // PostgreSQL's own catalog: exactly the generated tables, each with exactly its columns in order
        Map<String, List<String>> tables = publicTables();
        Set<String> expectedTables = new TreeSet<>(fixtureTables);
        Mismatches m = new Mismatches(ctx("pg_catalog"));
        for (Spec s : specs) {
            expectedTables.add(s.name());
            m.equal(s.columns(), tables.get(s.name()), "columns of table " + show(s.name()));
        }
        m.equal(expectedTables, new TreeSet<>(tables.keySet()), "the tables in schema public");
        m.assertNone();

        // and every table holds exactly what the model says, read with plain JDBC and hand-quoted SQL
        try (Connection c = testDb.connect(); Statement st = c.createStatement()) {
            for (Spec s : specs) {
                assertJdbcContents(st, s);
            }
        }
        assertEquals(0, db.poolStats().active());
    }

    /** Insert, select, update, delete and a self-join through a descriptor built from the spec's names. */
    private static void exercise(Fuzz f, Spec s) {
        String at = ctx("table " + show(s.name()) + " with columns " + s.columns().stream().map(Judge::show).toList());
        DynamicTable t = new DynamicTable(s.name(), s.columns());
        assertEquals(s.name(), t.name(), at);

        @SuppressWarnings({"unchecked", "rawtypes"})
        Column<Row, ?>[] all = t.columns().toArray(new Column[0]);
        InsertValuesN<Row> insert = insertInto(t).columns(all);
        for (Object[] row : s.rows()) {
            insert = insert.values(row);
        }
        assertEquals(ROWS, db.exec(insert), at + ": rows inserted");
        assertRows(at + ", after the insert", s, db.exec(select(t).orderBy(t.key.asc())));

        // each column found by its runtime name through Table.field(name, type)
        int textIndex = 1 + 2 * f.nextInt(COLUMNS / 2);
        int intIndex = 2 + 2 * f.nextInt((COLUMNS - 1) / 2);
        Column<Row, String> text = t.field(s.columns().get(textIndex), PgType.TEXT);
        Column<Row, Integer> number = t.field(s.columns().get(intIndex), PgType.INT4);
        String newText = f.text();
        assertEquals(2, db.exec(update(t).set(text, newText).where(t.key.in(1L, 2L))), at + ": rows updated");
        s.rows().get(0)[textIndex] = newText;
        s.rows().get(1)[textIndex] = newText;
        assertEquals(1, db.exec(update(t).set(number, number.plus(1)).where(t.key.eq(3L))), at + ": rows incremented");
        Object[] third = s.rows().get(2);
        third[intIndex] = third[intIndex] == null ? null : (Integer) third[intIndex] + 1;
        assertEquals(1, db.exec(deleteFrom(t).where(t.key.eq(4L))), at + ": rows deleted");
        s.rows().remove(3);
        assertEquals(0, db.exec(deleteFrom(t).where(t.key.eq(ROWS + 1L))), at + ": rows deleted by an absent key");

        String alias = identifier(f);
        if (!alias.equals(s.name())) {
            Table<Row> other = t.asPlain(alias);
            assertEquals((long) s.rows().size(), db.fetchValue(select(count()).from(t).join(other)
                    .on(t.key.eq(other.field(t.key)))), at + ", self-join as " + show(alias));
        }
        assertRows(at + ", at the end", s, db.exec(select(t).orderBy(t.key.asc())));
        // raw SQL rows carry the labels the server reports: the names themselves
        List<Row> raw = db.sql("SELECT * FROM " + DynamicTable.quote(s.name()) + " ORDER BY "
                + DynamicTable.quote(s.columns().get(0))).fetch(Row.class);
        assertEquals(s.rows().size(), raw.size(), at);
        for (int r = 0; r < raw.size(); r++) {
            for (int i = 0; i < COLUMNS; i++) {
                assertEquals(s.rows().get(r)[i], raw.get(r).get(s.columns().get(i)), at + ", raw row " + r + " column "
                        + show(s.columns().get(i)));
            }
        }
    }

    private static void assertRows(String at, Spec s, List<Row> read) {
        assertEquals(s.rows().size(), read.size(), at + ": rows");
        for (int r = 0; r < read.size(); r++) {
            Object[] values = new Object[COLUMNS];
            for (int i = 0; i < COLUMNS; i++) {
                values[i] = read.get(r).get(i);
                assertEquals(values[i], read.get(r).get(s.columns().get(i)), at + ": by label " + show(s.columns().get(i)));
            }
            assertTrue(Arrays.equals(s.rows().get(r), values), at + ": row " + r + " expected "
                    + Arrays.toString(s.rows().get(r)) + ", got " + Arrays.toString(values));
        }
    }

    /** The ordinary tables of schema public with their column names in order, from pg_class and pg_attribute. */
    private static Map<String, List<String>> publicTables() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = testDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relname::text, a.attname::text FROM pg_class c "
                     + "JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relnamespace = 'public'::regnamespace "
                     + "AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static void assertJdbcContents(Statement st, Spec s) throws SQLException {
        String at = ctx("JDBC read of table " + show(s.name()));
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + DynamicTable.quote(s.name()) + " ORDER BY "
                + DynamicTable.quote(s.columns().get(0)))) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            assertEquals(s.columns(), labels, at + ": column labels");
            int r = 0;
            while (rs.next()) {
                Object[] values = new Object[COLUMNS];
                for (int i = 0; i < COLUMNS; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                assertTrue(r < s.rows().size() && Arrays.equals(s.rows().get(r), values), at + ": row " + r + " expected "
                        + (r < s.rows().size() ? Arrays.toString(s.rows().get(r)) : "none") + ", got " + Arrays.toString(values));
                r++;
            }
            assertEquals(s.rows().size(), r, at + ": rows");
        }
    }

    // ---- refusals -------------------------------------------------------------------------------

    /**
     * PostgreSQL truncates names over 63 bytes (so a longer one would name another table) and cannot hold
     * NUL: the descriptor refuses both, as a table, column or alias name, counting bytes, not characters.
     */
    @Test
    void namesOver63BytesOrWithNulAreRefusedByTheDescriptor() {
        Fuzz f = new Fuzz(SEED + 1);
        List<String> tooLong = new ArrayList<>(List.of("x".repeat(64), "é".repeat(32), "中".repeat(22),
                "😀".repeat(16), ascii(f, 63) + "é", ascii(f, 60) + "😀"));
        List<String> withNul = new ArrayList<>(List.of("\0", "a\0b", "\0select", "user\0"));
        for (int i = 0; i < 10; i++) {
            tooLong.add(ascii(f, 64 + f.nextInt(40)));
            withNul.add(f.insertAtBoundary(identifier(f), "\0"));
        }
        DynamicTable ok = new DynamicTable("ok", List.of("k"));
        for (String bad : tooLong) {
            assertTrue(bytes(bad) > MAX_BYTES, ctx(show(bad)));
            assertRefused(bad, "63");
        }
        for (String bad : withNul) {
            assertRefused(bad, "NUL");
        }
        // exactly 63 bytes is fine
        for (String fits : List.of("x".repeat(63), "中".repeat(21), "😀".repeat(15) + "abc")) {
            assertEquals(fits, new DynamicTable(fits, List.of(fits)).name(), ctx(show(fits)));
            assertEquals(fits, ok.asPlain(fits).alias(), ctx(show(fits)));
        }
    }

    private static void assertRefused(String bad, String reason) {
        String at = ctx(show(bad) + " (" + bytes(bad) + " bytes)");
        DynamicTable ok = new DynamicTable("ok", List.of("k"));
        for (IllegalArgumentException e : List.of(
                assertThrows(IllegalArgumentException.class, () -> new DynamicTable(bad, List.of("k")), at + " as a table"),
                assertThrows(IllegalArgumentException.class, () -> new DynamicTable("ok", List.of(bad)), at + " as a key"),
                assertThrows(IllegalArgumentException.class, () -> new DynamicTable("ok", List.of("k", bad)),
                        at + " as a column"),
                assertThrows(IllegalArgumentException.class, () -> ok.as(bad), at + " as an alias"))) {
            assertTrue(e.getMessage().contains(reason), at + ": the message should say why (" + reason + "): " + e);
        }
    }
}
