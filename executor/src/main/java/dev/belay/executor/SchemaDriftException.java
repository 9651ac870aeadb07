package dev.belay.executor;

import java.util.List;

/** Descriptors that do not match the database, from {@link SchemaVerifier#requireMatch}; the message lists each drift. */
public final class SchemaDriftException extends BelayException {
    private static final long serialVersionUID = 1L;

    private final transient List<SchemaDrift> drift;

    SchemaDriftException(List<SchemaDrift> drift) {
        super(message(drift), null);
        this.drift = List.copyOf(drift);
    }

    /** Every disagreement found, in table and column order. */
    public List<SchemaDrift> drift() {
        return drift;
    }

    private static String message(List<SchemaDrift> drift) {
        StringBuilder m = new StringBuilder("the descriptors do not match the database (" + drift.size()
                + (drift.size() == 1 ? " difference" : " differences") + "):");
        for (SchemaDrift d : drift) {
            m.append("\n  - ").append(d);
        }
        return m.toString();
    }
}
