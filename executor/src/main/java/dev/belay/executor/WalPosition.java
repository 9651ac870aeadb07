package dev.belay.executor;

import java.util.Objects;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}), as {@link DBConnection#walPosition()} reads it
 * from the primary after a write, to ask for a replica that has replayed at least that much:
 *
 * <pre>{@code
 * db.exec(update(USER).set(USER.AGE, 31).where(USER.ID.eq(7L)));
 * WalPosition written = db.walPosition();                  // pg_current_wal_insert_lsn()
 * User u = db.replica(written, Duration.ofMillis(200)).one(select(User.class).where(USER.ID.eq(7L)));
 * }</pre>
 *
 * <p>Comparable: a later position is greater. Its text form is PostgreSQL's, two hexadecimal numbers such as
 * {@code 16/B374D848}, read by {@link #parse} and written by {@link #toString()}.
 */
public final class WalPosition implements Comparable<WalPosition> {
    private final long value;

    private WalPosition(long value) {
        this.value = value;
    }

    /**
     * The position PostgreSQL writes as {@code text}: {@code WalPosition.parse("16/B374D848")}.
     *
     * @throws IllegalArgumentException when it is not two hexadecimal numbers of at most 8 digits around a {@code /}
     */
    public static WalPosition parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("a WAL position is two hexadecimal numbers of 1 to 8 digits, as in "
                    + "16/B374D848; got \"" + text + "\"");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (text.charAt(0) == '-' || text.charAt(0) == '+' || text.charAt(slash + 1) == '-'
                    || text.charAt(slash + 1) == '+') {
                throw new NumberFormatException("signed");
            }
            return new WalPosition(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a WAL position is two hexadecimal numbers of 1 to 8 digits, as in "
                    + "16/B374D848; got \"" + text + "\"", e);
        }
    }

    /** The position {@code bytes} earlier. */
    WalPosition minus(long bytes) {
        return new WalPosition(value - bytes);
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** Whether this position is at or after {@code other}: the replica that replayed this has all of {@code other}. */
    public boolean reached(WalPosition other) {
        return compareTo(other) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalPosition w && w.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /** PostgreSQL's text form, e.g. {@code 16/B374D848}. */
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase();
    }
}
