package dev.belay.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * Raw SQL with {@code :name} or {@code ?} placeholders, rewritten once to pgjdbc's {@code ?}. Quotes,
 * dollar quotes, comments, {@code ::} casts and the escaped jsonb operators {@code ??}, {@code ??|},
 * {@code ??&} are skipped, so a colon or question mark inside them is never taken for a placeholder.
 *
 * @param names the name of each placeholder in order, or empty strings for {@code ?} placeholders
 */
record NamedSql(String original, String jdbc, List<String> names) {

    static NamedSql parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql(...) needs SQL text");
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = skipQuoted(sql, i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                names.add(sql.substring(i + 1, j));
                out.append('?');
                i = j;
            } else if (c == '?' && i + 1 < n && sql.charAt(i + 1) == '?') {
                out.append("??");
                i += 2;
            } else if (c == '?') {
                names.add("");
                out.append('?');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        boolean named = names.stream().anyMatch(s -> !s.isEmpty());
        boolean positional = names.stream().anyMatch(String::isEmpty);
        if (named && positional) {
            throw new IllegalArgumentException("sql(...) mixes :name and ? placeholders; use one kind: " + sql);
        }
        return new NamedSql(sql, out.toString(), List.copyOf(names));
    }

    /** The end of a quoted string, identifier, dollar quote or comment starting at {@code i}, else {@code i}. */
    private static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        int n = sql.length();
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < n) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            throw new IllegalArgumentException("sql(...) has an unterminated " + (c == '\'' ? "string" : "identifier")
                    + " starting at " + i);
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int j = sql.indexOf('\n', i);
            return j < 0 ? n : j + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int j = sql.indexOf("*/", i + 2);
            if (j < 0) {
                throw new IllegalArgumentException("sql(...) has an unterminated comment starting at " + i);
            }
            return j + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < n && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                String tag = sql.substring(i, j + 1);
                int close = sql.indexOf(tag, j + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("sql(...) has an unterminated " + tag + " quote");
                }
                return close + tag.length();
            }
        }
        return i;
    }
}
