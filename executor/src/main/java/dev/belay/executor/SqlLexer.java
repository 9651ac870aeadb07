package dev.belay.executor;

/**
 * Splits raw SQL into the tokens {@link NamedSql} needs, by the rules of PostgreSQL's own lexer
 * ({@code src/backend/parser/scan.l}) with {@code standard_conforming_strings} on, the default since 9.1.
 * Anything the two disagree on could turn a colon or question mark inside a literal into a placeholder, or
 * hide a real one, so each rule below names the PostgreSQL behaviour it follows:
 * <ul>
 *   <li>{@code '...'} (also {@code U&'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}): {@code ''} is a
 *       quote, a backslash is an ordinary character.</li>
 *   <li>{@code E'...'} / {@code e'...'}, when the {@code E} is a token of its own: a backslash escapes the next
 *       character, so {@code \'} does not end the string. A string continued on a later line
 *       ({@code E'a'<newline>'b'}) keeps the escapes, as in PostgreSQL. (pgjdbc, which scans the rewritten text
 *       again for {@code ?}, reads such a continued part as a plain string and reports a {@code \'} in it as an
 *       unterminated literal; nothing here can change that.)</li>
 *   <li>{@code "..."}: quoted identifier, {@code ""} is a quote.</li>
 *   <li>{@code --} to the end of the line; {@code /* ... *}{@code /} comments nest.</li>
 *   <li>{@code $tag$...$tag$} with a tag of letters (any non-ASCII character counts as one), digits and
 *       underscores, not starting with a digit; a {@code $} inside an identifier ({@code foo$bar}, {@code a$1$})
 *       or before a digit ({@code $1}) starts none.</li>
 *   <li>Identifiers are letters, digits, {@code _}, {@code $} and every non-ASCII character, not starting with a
 *       digit or {@code $}: PostgreSQL reads non-ASCII text as identifier bytes.</li>
 * </ul>
 * A cursor over one text: {@link #next()} moves on, {@link #kind()}, {@link #start()} and {@link #end()} describe
 * the current token. Local to one parse, so its mutability never escapes.
 */
final class SqlLexer {

    /** What a token is, as far as placeholders and {@link NamedSql#modifiesData()} care. */
    enum Kind {
        /** A run of spaces, tabs, newlines, form or vertical feeds. */
        SPACE,
        /** A {@code --} or a (nested) block comment. */
        COMMENT,
        /** An unquoted identifier or keyword. */
        WORD,
        /** A string constant of any kind, a dollar-quoted string or a quoted identifier: opaque. */
        QUOTED,
        /** A {@code :name} placeholder, colon included. */
        NAMED,
        /** A {@code ?} placeholder. */
        POSITIONAL,
        /** Anything else: one character, or {@code ::}, {@code ??} or a {@code $1} parameter. */
        OTHER
    }

    private final String sql;
    private int start;
    private int end;
    private Kind kind = Kind.OTHER;

    SqlLexer(String sql) {
        this.sql = sql;
    }

    Kind kind() {
        return kind;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Whether the current token is the single character {@code c}, outside any quote or comment. */
    boolean is(char c) {
        return kind == Kind.OTHER && end == start + 1 && sql.charAt(start) == c;
    }

    /** The current token with ASCII letters lowered, as PostgreSQL folds keywords; other characters kept. */
    String lowerWord() {
        char[] chars = sql.substring(start, end).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /**
     * Moves to the next token; false at the end of the text.
     *
     * @throws IllegalArgumentException for an unterminated string, identifier, dollar quote or block comment
     */
    boolean next() {
        start = end;
        int n = sql.length();
        if (start >= n) {
            return false;
        }
        int i = start;
        char c = sql.charAt(i);
        kind = Kind.OTHER;
        if (isSpace(c)) {
            end = i + 1;
            while (end < n && isSpace(sql.charAt(end))) {
                end++;
            }
            kind = Kind.SPACE;
        } else if (c == '\'') {
            end = closeQuote(i, i, false, "string");
            kind = Kind.QUOTED;
        } else if (c == '"') {
            end = closeQuote(i, i, false, "quoted identifier");
            kind = Kind.QUOTED;
        } else if (sql.startsWith("--", i)) {
            end = lineEnd(i);
            kind = Kind.COMMENT;
        } else if (sql.startsWith("/*", i)) {
            end = closeBlockComment(i);
            kind = Kind.COMMENT;
        } else if (c == '$') {
            end = closeDollarQuote(i);
            if (end > 0) {
                kind = Kind.QUOTED;
            } else {
                end = i + 1; // a lone $, or the parameter $1 read with its digits so that $1$$x$$ is $1 then $$x$$
                while (end < n && isDigit(sql.charAt(end))) {
                    end++;
                }
            }
        } else if (isIdentStart(c)) {
            end = i + 1;
            while (end < n && isIdentPart(sql.charAt(end))) {
                end++;
            }
            kind = Kind.WORD;
            // E'...' only when the E is a whole token: in name'x' the E-less quote is a plain string
            if (end == i + 1 && (c == 'E' || c == 'e') && end < n && sql.charAt(end) == '\'') {
                end = closeQuote(i, end, true, "escape string E'...'");
                kind = Kind.QUOTED;
            }
        } else if (c == ':' && sql.startsWith("::", i)) {
            end = i + 2;
        } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                && !(i > 0 && endsOperand(sql.charAt(i - 1)))) {
            end = i + 2;
            while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                end++;
            }
            kind = Kind.NAMED;
        } else if (c == '?' && sql.startsWith("??", i)) {
            end = i + 2; // pgjdbc's escape for the jsonb operators ?, ?| and ?&
        } else if (c == '?') {
            end = i + 1;
            kind = Kind.POSITIONAL;
        } else {
            end = i + 1;
        }
        return true;
    }

    /**
     * The end of the quoted text whose quote is at {@code open} (its token, prefix included, starts at
     * {@code token}). A doubled quote stays inside; with {@code escapes} a backslash takes the next character
     * along, and a string continued after a newline keeps the escapes.
     */
    private int closeQuote(int token, int open, boolean escapes, String what) {
        char quote = sql.charAt(open);
        int n = sql.length();
        int j = open + 1;
        while (j < n) {
            char c = sql.charAt(j);
            if (escapes && c == '\\') {
                j += 2;
            } else if (c != quote) {
                j++;
            } else if (j + 1 < n && sql.charAt(j + 1) == quote) {
                j += 2;
            } else {
                int next = escapes ? continuation(j + 1) : -1;
                if (next < 0) {
                    return j + 1;
                }
                j = next + 1;
            }
        }
        throw unterminated(what, token);
    }

    /**
     * Where a string constant continues: PostgreSQL joins {@code 'a'} and {@code 'b'} into one constant when only
     * whitespace and {@code --} comments with at least one newline lie between them. The index of the next
     * opening quote, or -1.
     */
    private int continuation(int from) {
        int n = sql.length();
        int j = from;
        boolean newline = false;
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\n' || c == '\r') {
                newline = true;
                j++;
            } else if (isSpace(c)) {
                j++;
            } else if (sql.startsWith("--", j)) {
                j = lineEnd(j);
            } else {
                break;
            }
        }
        return newline && j < n && sql.charAt(j) == '\'' ? j : -1;
    }

    /** A {@code --} comment runs to the next line feed or carriage return, which is not part of it. */
    private int lineEnd(int from) {
        int n = sql.length();
        int j = from + 2;
        while (j < n && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /** Block comments nest in PostgreSQL (unlike the SQL standard's reading in many other databases). */
    private int closeBlockComment(int open) {
        int n = sql.length();
        int depth = 0;
        int j = open;
        while (j + 1 < n) {
            if (sql.charAt(j) == '/' && sql.charAt(j + 1) == '*') {
                depth++;
                j += 2;
            } else if (sql.charAt(j) == '*' && sql.charAt(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        throw new IllegalArgumentException("sql(...) has an unterminated /* comment starting at index " + open
                + near(open) + "; block comments nest in PostgreSQL, so each /* needs its own */");
    }

    /**
     * The end of the dollar-quoted string whose opening {@code $tag$} starts at {@code at}, or -1 when none starts
     * there. Never called for a {@code $} inside an identifier ({@code foo$bar}), which the identifier consumed.
     */
    private int closeDollarQuote(int at) {
        int n = sql.length();
        int j = at + 1;
        if (j < n && isIdentStart(sql.charAt(j))) {
            j++;
            while (j < n && sql.charAt(j) != '$' && isIdentPart(sql.charAt(j))) {
                j++;
            }
        }
        if (j >= n || sql.charAt(j) != '$') {
            return -1;
        }
        String tag = sql.substring(at, j + 1);
        int close = sql.indexOf(tag, j + 1);
        if (close < 0) {
            throw unterminated(tag + " quote", at);
        }
        return close + tag.length();
    }

    private IllegalArgumentException unterminated(String what, int at) {
        return new IllegalArgumentException("sql(...) has an unterminated " + what + " starting at index " + at
                + near(at));
    }

    /** A short excerpt for error messages: enough to find the spot, not the whole statement. */
    private String near(int at) {
        int to = Math.min(sql.length(), at + 24);
        if (to < sql.length() && Character.isHighSurrogate(sql.charAt(to - 1))) {
            to--;
        }
        return ": " + sql.substring(at, to) + (to < sql.length() ? "..." : "");
    }

    /** PostgreSQL's whitespace; any other character, even a non-ASCII space, is part of some token. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's {@code ident_start}: ASCII letters, underscore, and any non-ASCII character. */
    static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's {@code ident_cont}: also digits and {@code $}. */
    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    /**
     * Whether a colon right after {@code c} continues an expression, as the colon of an array slice
     * {@code a[lo:hi]}, {@code a[1:3]} or {@code f(x)[2:n]} does, rather than starting a placeholder.
     */
    private static boolean endsOperand(char c) {
        return isIdentPart(c) || c == ')' || c == ']';
    }
}
