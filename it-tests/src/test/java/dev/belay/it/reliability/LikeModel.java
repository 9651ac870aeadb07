package dev.belay.it.reliability;

/**
 * PostgreSQL's {@code LIKE} under a deterministic collation, written independently in Java to predict the
 * server's answer: {@code %} is any run of characters, {@code _} one character (code point), the backslash
 * makes the next character literal, and a pattern ending in a lone backslash is an error (SQLSTATE 22025).
 * Matching is the linear-time wildcard walk, so long texts with many {@code %} stay fast.
 */
final class LikeModel {
    private static final int ONE = -1;
    private static final int ANY = -2;

    private LikeModel() {}

    /** Whether PostgreSQL accepts the pattern; it refuses one that ends with the escape character. */
    static boolean valid(String pattern) {
        return tokens(pattern) != null;
    }

    /** Whether {@code text LIKE pattern} is true; the pattern must be {@link #valid}. */
    static boolean matches(String text, String pattern) {
        int[] p = tokens(pattern);
        if (p == null) {
            throw new IllegalArgumentException("PostgreSQL refuses this LIKE pattern: " + pattern);
        }
        int[] t = text.codePoints().toArray();
        int ti = 0;
        int pi = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length) {
            if (pi < p.length && (p[pi] == ONE || p[pi] == t[ti])) {
                pi++;
                ti++;
            } else if (pi < p.length && p[pi] == ANY) {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length && p[pi] == ANY) {
            pi++;
        }
        return pi == p.length;
    }

    /** The pattern as literal code points, {@link #ONE} and {@link #ANY}; null when it ends with the escape. */
    private static int[] tokens(String pattern) {
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\\') {
                if (++i == cps.length) {
                    return null;
                }
                out[n++] = cps[i];
            } else {
                out[n++] = cps[i] == '%' ? ANY : cps[i] == '_' ? ONE : cps[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
