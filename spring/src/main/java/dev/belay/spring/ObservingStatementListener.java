package dev.belay.spring;

import dev.belay.executor.BelayException;
import dev.belay.executor.StatementListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Set;

/**
 * One Micrometer observation per Belay call, named {@value #NAME}: low-cardinality keys {@code belay.statement.kind}
 * (SELECT, INSERT, UPDATE, DELETE, MERGE, WITH, COPY, UPSERT or OTHER) and {@code belay.outcome} (SUCCESS or the
 * failure's SQLSTATE class, e.g. 23 for a constraint); high-cardinality {@code db.statement} (the SQL with
 * placeholders, never values) and {@code belay.rows}. A failure is also set as the observation's error.
 */
final class ObservingStatementListener implements StatementListener {
    /** The observation's name; Micrometer's timer handler records it as the timer {@code belay.statement}. */
    static final String NAME = "belay.statement";
    private static final Set<String> KINDS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "COPY",
            "UPSERT", "VALUES", "TABLE");

    private final ObservationRegistry registry;

    ObservingStatementListener(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Call started(String sql) {
        String kind = kind(sql);
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("belay " + kind.toLowerCase(Locale.ROOT))
                .lowCardinalityKeyValue("belay.statement.kind", kind)
                .highCardinalityKeyValue("db.statement", sql)
                .start();
        return new Call() {
            @Override
            public void finished(long rows) {
                observation.lowCardinalityKeyValue("belay.outcome", "SUCCESS")
                        .highCardinalityKeyValue("belay.rows", Long.toString(rows))
                        .stop();
            }

            @Override
            public void failed(Throwable failure) {
                String state = failure instanceof BelayException e ? e.sqlState() : null;
                observation.lowCardinalityKeyValue("belay.outcome", state == null ? "ERROR" : state.substring(0, 2))
                        .error(failure)
                        .stop();
            }
        };
    }

    /** The statement's first keyword, from a closed set so that it stays low-cardinality. */
    static String kind(String sql) {
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        String word = sql.substring(start, end).toUpperCase(Locale.ROOT);
        return KINDS.contains(word) ? word : "OTHER";
    }
}
