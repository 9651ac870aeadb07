package dev.belay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL texts Belay sent while this capture was open, read from its statement log ({@code System.Logger}
 * {@code dev.belay.sql}, which the JDK hands to {@code java.util.logging} when no other backend is installed): how a
 * check sees what the executor sends without wrapping the driver. Open it around the calls to watch only, and close
 * it before timing, so that the timed calls log as they always do.
 */
final class SentSql implements AutoCloseable {
    /** A finished statement's log line: "[slow statement, ]12.345 ms, 1000 rows: SQL" and how its values are shown. */
    private static final Pattern FINISHED =
            Pattern.compile("(?:slow statement, )?\\S+ ms, \\d+ rows: (.*?)(?: \\(\\d+ parameters\\)| \\[.*\\])?",
                    Pattern.DOTALL);

    // held here, since java.util.logging keeps its loggers only weakly
    private final Logger logger = Logger.getLogger("dev.belay.sql");
    private final Level level = logger.getLevel();
    private final boolean parents = logger.getUseParentHandlers();
    private final List<String> texts = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            Matcher m = FINISHED.matcher(r.getMessage());
            if (m.matches()) {
                synchronized (texts) {
                    texts.add(m.group(1));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    SentSql() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINE);
        handler.setLevel(Level.FINE);
        logger.addHandler(handler);
    }

    /** The texts of the statements that finished so far, in order, one per statement sent. */
    List<String> texts() {
        synchronized (texts) {
            return List.copyOf(texts);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(level);
        logger.setUseParentHandlers(parents);
    }
}
