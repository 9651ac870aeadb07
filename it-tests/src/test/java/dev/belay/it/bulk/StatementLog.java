package dev.belay.it.bulk;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The SQL of the statements Belay ran, from the statement log (java.util.logging's "dev.belay.sql", where
 * System.Logger routes by default, one FINE line per finished statement): shows which of a bulk write's
 * statements ran. Attach before the call, detach after the test.
 */
final class StatementLog extends Handler {
    private static final Logger SQL_LOG = Logger.getLogger("dev.belay.sql");
    private final List<String> messages = new ArrayList<>();
    private final Level savedLevel;
    private final boolean savedUseParent;

    private StatementLog() {
        savedLevel = SQL_LOG.getLevel();
        savedUseParent = SQL_LOG.getUseParentHandlers();
    }

    static StatementLog attach() {
        StatementLog log = new StatementLog();
        log.setLevel(Level.ALL);
        SQL_LOG.setLevel(Level.ALL);
        SQL_LOG.setUseParentHandlers(false);
        SQL_LOG.addHandler(log);
        return log;
    }

    void detach() {
        SQL_LOG.removeHandler(this);
        SQL_LOG.setLevel(savedLevel);
        SQL_LOG.setUseParentHandlers(savedUseParent);
    }

    /**
     * The SQL of the last finished statement that names {@code table} (quoted), without the timing before it and
     * the parameter note after it.
     */
    synchronized String sql(String table) {
        List<String> found = messages.stream().filter(m -> m.contains("\"" + table + "\"")).toList();
        assertFalse(found.isEmpty(), "no statement on " + table + " was logged: " + messages);
        String m = found.get(found.size() - 1);
        return m.substring(m.indexOf(" rows: ") + " rows: ".length()).replaceFirst(" \\(\\d+ parameters?\\)$", "");
    }

    synchronized void clear() {
        messages.clear();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getMessage() != null && record.getMessage().contains(" rows: ")) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
