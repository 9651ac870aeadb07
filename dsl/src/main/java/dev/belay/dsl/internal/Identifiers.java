package dev.belay.dsl.internal;

import java.nio.charset.StandardCharsets;

/** Validation and quoting of SQL identifiers; the only place identifiers become SQL text. */
public final class Identifiers {
    /** PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated by the server. */
    public static final int MAX_BYTES = 63;
    /**
     * Quoted forms of names rendered before, in a slot chosen by the name's hash. A statement's names are mostly the
     * same few descriptor strings, rendered over and over: finding one here and appending it once, rather than scanning
     * it for quotes and appending it in three parts, took 15 % off building and rendering an upsert. A slot holds an
     * immutable entry, so threads racing on one at worst replace each other's entry; a name that shares its slot with
     * another is quoted again. The names are identifiers of at most 63 bytes, so the 1,024 slots stay small.
     */
    private static final Quoted[] QUOTED = new Quoted[1024];

    private record Quoted(String name, String sql) {}

    private Identifiers() {}

    /**
     * Checks an identifier before it is stored in a descriptor or node, so a bad name fails where it
     * is written rather than as a confusing server error later.
     */
    public static String check(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty identifier");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " '" + name.replace("\0", "\\0")
                    + "' contains a NUL character, which PostgreSQL rejects");
        }
        int lone = loneSurrogate(name);
        if (lone >= 0) {
            throw new IllegalArgumentException(what + " '" + name.replace(name.charAt(lone), '\uFFFD')
                    + "' has an unpaired UTF-16 surrogate at index " + lone + "; it cannot be encoded as UTF-8, "
                    + "so PostgreSQL would receive '?' in its place and name another object");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(what + " '" + name + "' is " + bytes
                    + " bytes long; PostgreSQL truncates identifiers to " + MAX_BYTES
                    + " bytes, so it would refer to a different name. Use a shorter name.");
        }
        return name;
    }

    /**
     * The index of the first UTF-16 surrogate without its partner, or -1. Java's UTF-8 encoder replaces such
     * a char with '?', so text holding one would reach PostgreSQL as something else.
     */
    public static int loneSurrogate(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Double-quotes an identifier, doubling embedded quotes: {@code a"b} becomes {@code "a""b"}. */
    public static String quote(String name) {
        int slot = name.hashCode() & (QUOTED.length - 1);
        Quoted q = QUOTED[slot];
        if (q == null || !q.name.equals(name)) {
            q = new Quoted(name, quoteNow(new StringBuilder(name.length() + 2), name).toString());
            QUOTED[slot] = q;
        }
        return q.sql;
    }

    /** Appends {@link #quote quote(name)} to {@code sql}: the renderer writes every identifier of every statement. */
    public static StringBuilder appendQuoted(StringBuilder sql, String name) {
        return sql.append(quote(name));
    }

    private static StringBuilder quoteNow(StringBuilder sql, String name) {
        sql.append('"');
        if (name.indexOf('"') < 0) {
            sql.append(name);
        } else {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                sql.append(c);
                if (c == '"') {
                    sql.append('"');
                }
            }
        }
        return sql.append('"');
    }

    /** snake_case of a Java name: {@code createdAt} becomes {@code created_at}, {@code URLPath} {@code url_path}. */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (i > 0 && (prevLower || (prevUpper && nextLower)) && javaName.charAt(i - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** camelCase of a snake_case name: {@code created_at} becomes {@code createdAt}. */
    public static String camelCase(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
