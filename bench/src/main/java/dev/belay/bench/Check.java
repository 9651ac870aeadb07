package dev.belay.bench;

import java.util.Objects;

/** The check every benchmark makes before timing: a wrong-but-fast contender fails the run. */
final class Check {
    private Check() {}

    /** Fails with both results named when {@code actual} (from {@code contender}) is not {@code expected}. */
    static void same(String work, String reference, Object expected, String contender, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new IllegalStateException(work + ": " + contender + " does not give what " + reference
                    + " gives, so its time would mean nothing.\n  " + reference + ": " + abbreviate(expected)
                    + "\n  " + contender + ": " + abbreviate(actual));
        }
    }

    /** Fails naming the contender when its result is not what the benchmark needs (e.g. ids out of order). */
    static void that(boolean holds, String work, String contender, String what) {
        if (!holds) {
            throw new IllegalStateException(work + ": " + contender + " " + what);
        }
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 400 ? s : s.substring(0, 400) + "... (" + s.length() + " characters)";
    }
}
