package dev.belay.it.executor;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.UniqueViolationException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statement log, captured from java.util.logging's "dev.belay.sql" logger (where System.Logger routes by
 * default): a FINE (System.Logger DEBUG) line per statement with SQL, timing and row count; parameters only
 * with logParameters(true); WARNING with "slow" past slowQueryThreshold.
 */
@FixtureDatabase
final class LoggingTest {
    record Note(Long id, String body) {}

    static final class Notes extends Table<Note> {
        static final Notes N = new Notes();
        final Column<Note, Long> id = column("id", PgType.INT8).primaryKey();
        final Column<Note, String> body = column("body", PgType.TEXT);

        private Notes() {
            super("notes", Note.class);
        }
    }

    /** Keeps every record it is given; a strong reference also keeps the JUL logger (and its level) alive. */
    static final class Capture extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        synchronized List<LogRecord> about(String marker) {
            return records.stream().filter(r -> r.getMessage() != null && r.getMessage().contains(marker)).toList();
        }
    }

    private static final Notes N = Notes.N;
    private static final Logger SQL_LOG = Logger.getLogger("dev.belay.sql");
    /** Matches the timing Engine writes, e.g. "0.412 ms". */
    private static final Pattern TIMING = Pattern.compile("\\d+[.,]\\d{3} ms");
    private static TestDatabase testDb;
    private static DBConnection db;
    private Capture capture;
    private Level savedLevel;
    private boolean savedUseParent;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE notes (id int8 PRIMARY KEY, body text NOT NULL); "
                + "INSERT INTO notes VALUES (1, 'one'), (2, 'two')");
        testDb = t;
        db = t.open();
    }

    @BeforeEach
    void attach() {
        savedLevel = SQL_LOG.getLevel();
        savedUseParent = SQL_LOG.getUseParentHandlers();
        capture = new Capture();
        capture.setLevel(Level.ALL);
        SQL_LOG.setLevel(Level.ALL);
        SQL_LOG.setUseParentHandlers(false);
        SQL_LOG.addHandler(capture);
    }

    @AfterEach
    void detach() {
        SQL_LOG.removeHandler(capture);
        SQL_LOG.setLevel(savedLevel);
        SQL_LOG.setUseParentHandlers(savedUseParent);
    }

    /** The one record whose message contains {@code marker}. */
    private LogRecord only(String marker) {
        List<LogRecord> found = capture.about(marker);
        assertEquals(1, found.size(), "records mentioning " + marker + ": " + capture.records.stream()
                .map(LogRecord::getMessage).toList());
        return found.get(0);
    }

    @Test
    void aFailedStatementIsLoggedAtDebugWithItsSqlState() {
        assertThrows(UniqueViolationException.class, () -> db.sql("insert into notes (id, body) values (:id, :b) "
                + "/* failed-marker */").bind("id", 1L).bind("b", "secret-body").execute());
        LogRecord failed = only("failed-marker");
        assertEquals(Level.FINE, failed.getLevel());
        assertTrue(failed.getMessage().startsWith("failed [23505] UniqueViolationException: insert into notes"),
                failed.getMessage());
        assertTrue(failed.getMessage().endsWith("(2 parameters)"), failed.getMessage());
        assertFalse(failed.getMessage().contains("secret-body"), failed.getMessage());
    }

    @Test
    void everyStatementIsLoggedAtDebugWithSqlTimingAndRows() {
        List<Note> notes = db.exec(select(N).where(N.id.le(2L)).orderBy(N.id.asc()));
        assertEquals(2, notes.size());
        LogRecord dsl = only("FROM \"notes\"");
        assertEquals(Level.FINE, dsl.getLevel(), "System.Logger DEBUG is java.util.logging FINE");
        assertEquals("dev.belay.sql", dsl.getLoggerName());
        assertTrue(dsl.getMessage().contains("SELECT \"notes\".\"id\", \"notes\".\"body\""), dsl.getMessage());
        assertTrue(TIMING.matcher(dsl.getMessage()).find(), "timing in " + dsl.getMessage());
        assertTrue(dsl.getMessage().contains("2 rows"), dsl.getMessage());

        assertEquals(1, db.sql("update notes set body = body where id = 1 /* raw-marker */").execute());
        LogRecord raw = only("raw-marker");
        assertEquals(Level.FINE, raw.getLevel());
        assertTrue(raw.getMessage().contains("1 rows"), raw.getMessage());
    }

    @Test
    void parametersAreHiddenByDefault() {
        db.sql("select body from notes where body <> :secret /* hidden-marker */").bind("secret", "tr0ub4dor-secret")
                .fetch(String.class);
        db.exec(select(N.body).from(N).where(N.body.eq("dsl-secret-value")));
        LogRecord raw = only("hidden-marker");
        assertFalse(raw.getMessage().contains("tr0ub4dor-secret"), raw.getMessage());
        assertTrue(raw.getMessage().contains("1 parameters"), raw.getMessage());
        for (LogRecord r : capture.records) {
            assertFalse(r.getMessage().contains("dsl-secret-value"), r.getMessage());
            assertTrue(r.getParameters() == null || List.of(r.getParameters()).stream()
                    .noneMatch(p -> String.valueOf(p).contains("secret")), r.getMessage());
        }
    }

    @Test
    void parametersAreShownWithLogParameters() {
        DBConnection verbose = testDb.open(b -> b.logParameters(true));
        try {
            verbose.sql("select body from notes where body <> :p /* shown-marker */").bind("p", "visible-value-42")
                    .fetch(String.class);
            LogRecord r = only("shown-marker");
            assertTrue(r.getMessage().contains("visible-value-42"), r.getMessage());
            verbose.exec(select(N.body).from(N).where(N.id.eq(987654321L)));
            assertEquals(1, capture.about("987654321").size(), "the DSL's parameters are shown too");
        } finally {
            testDb.close(verbose);
        }
    }

    @Test
    void aStatementSlowerThanTheThresholdIsAWarning() {
        DBConnection watched = testDb.open(b -> b.slowQueryThreshold(Duration.ofMillis(50)));
        try {
            watched.sql("select pg_sleep(0.2) /* slow-marker */").one(String.class);
            LogRecord slow = only("slow-marker");
            assertEquals(Level.WARNING, slow.getLevel());
            assertTrue(slow.getMessage().toLowerCase(java.util.Locale.ROOT).contains("slow"), slow.getMessage());
            assertTrue(TIMING.matcher(slow.getMessage()).find(), slow.getMessage());
            // a quick statement on the same pool stays at FINE
            watched.sql("select 1 /* quick-marker */").one(Integer.class);
            assertEquals(Level.FINE, only("quick-marker").getLevel());
        } finally {
            testDb.close(watched);
        }
        // with the default threshold (1 s) the same sleep is not a warning
        db.sql("select pg_sleep(0.2) /* default-threshold-marker */").one(String.class);
        assertEquals(Level.FINE, only("default-threshold-marker").getLevel());
    }

    @Test
    void nothingIsFormattedWhenTheLoggerIsOff() {
        SQL_LOG.setLevel(Level.INFO);
        db.sql("select 1 /* off-marker */").one(Integer.class);
        assertEquals(List.of(), capture.about("off-marker"));
        DBConnection watched = testDb.open(b -> b.slowQueryThreshold(Duration.ofMillis(50)));
        try {
            watched.sql("select pg_sleep(0.2) /* warn-at-info-marker */").one(String.class);
            assertEquals(Level.WARNING, only("warn-at-info-marker").getLevel(), "WARNING still passes an INFO logger");
        } finally {
            testDb.close(watched);
        }
    }
}
