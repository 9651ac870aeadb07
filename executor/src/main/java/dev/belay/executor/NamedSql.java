package dev.belay.executor;

import dev.belay.executor.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw SQL with {@code :name} or {@code ?} placeholders, rewritten once to pgjdbc's {@code ?}. The text is split
 * by {@link SqlLexer}, which follows PostgreSQL's lexer, so a colon or question mark inside a string constant
 * ({@code '...'}, {@code E'...'}, {@code $tag$...$tag$}), a quoted identifier or a comment (nested ones included)
 * is never taken for a placeholder.
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code :name}, the name made of Java identifier characters, unless the colon directly follows a
 *       character that can end an identifier, keyword or number (a letter, digit, {@code _}, {@code $} or any
 *       non-ASCII character), {@code )} or {@code ]}: then it is the colon of an array slice, as in
 *       {@code a[2:n]}, {@code a[lo:hi]}, {@code a[1:3]}, {@code f(x)[1:n]}. So {@code x = :v}, {@code (:v},
 *       {@code ,:v}, {@code [:i]} and {@code a[1: :hi]} are placeholders. Consequences: a placeholder right after
 *       a keyword needs a space ({@code else :v}, not {@code else:v}), and a slice with no lower bound up to a
 *       column is written {@code a[:(hi)]}, since {@code a[:hi]} binds {@code :hi}.</li>
 *   <li>{@code ::} is always a cast: {@code :v::int4} is the placeholder {@code v} cast to {@code int4}.</li>
 *   <li>{@code ?}, except the escaped jsonb operators {@code ??}, {@code ??|} and {@code ??&}, which pass
 *       through for pgjdbc to unescape.</li>
 * </ul>
 * One statement uses one kind: mixing {@code :name} and {@code ?} is refused.
 *
 * @param original     the text as given
 * @param jdbc         the text with every placeholder replaced by {@code ?}
 * @param names        the name of each placeholder in order, or empty strings for {@code ?} placeholders
 * @param modifiesData whether the statement may change data; see {@link #mayChangeData(String)}
 */
record NamedSql(String original, String jdbc, List<String> names, boolean modifiesData) {

    /**
     * Reads {@code sql}: placeholders and the rewritten text, then {@link #mayChangeData(String)}.
     *
     * @throws IllegalArgumentException for blank text, a lone UTF-16 surrogate, an unterminated string, quoted
     *                                  identifier, dollar quote or block comment, or mixed placeholder kinds
     */
    static NamedSql parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql(...) needs SQL text");
        }
        refuseLoneSurrogates(sql);
        refuseSessionSet(sql);
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(sql);
        while (lexer.next()) {
            switch (lexer.kind()) {
                case NAMED -> {
                    names.add(sql.substring(lexer.start() + 1, lexer.end()));
                    out.append('?');
                }
                case POSITIONAL -> {
                    names.add("");
                    out.append('?');
                }
                case SPACE, COMMENT, WORD, QUOTED, OTHER -> out.append(sql, lexer.start(), lexer.end());
                default -> throw new IllegalStateException("unhandled token kind " + lexer.kind());
            }
        }
        boolean named = names.stream().anyMatch(s -> !s.isEmpty());
        boolean positional = names.stream().anyMatch(String::isEmpty);
        if (named && positional) {
            throw new IllegalArgumentException("sql(...) mixes :name and ? placeholders; use one kind: " + sql);
        }
        return new NamedSql(sql, out.toString(), List.copyOf(names), mayChangeData(sql));
    }

    /**
     * Transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT}, ...) is refused: Belay
     * runs the transactions. A {@code SET} of the session ({@code SET search_path ...}, {@code SET SESSION ...}, {@code SET ROLE ...}) would
     * stay on the pooled connection after the call, for whoever borrows it next, and outside a transaction would
     * apply to nothing Belay runs after it: refused. {@code SET LOCAL}, {@code SET CONSTRAINTS} and {@code SET
     * TRANSACTION} end with their transaction and pass.
     */
    /** The first words of statements that begin, end or mark a transaction. */
    private static final java.util.Set<String> TRANSACTION_CONTROL = java.util.Set.of("begin", "start", "commit", "end",
            "rollback", "abort", "savepoint", "release");

    private static void refuseSessionSet(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        String first = null;
        while (lexer.next()) {
            if (lexer.kind() == Kind.SPACE || lexer.kind() == Kind.COMMENT) {
                continue;
            }
            String word = lexer.kind() == Kind.WORD ? lexer.lowerWord() : "";
            if (first == null) {
                if (TRANSACTION_CONTROL.contains(word)) {
                    throw new IllegalArgumentException("sql(" + sql + "): " + word.toUpperCase(java.util.Locale.ROOT)
                            + " controls the transaction, which Belay does: inside db.transaction(..) a raw COMMIT "
                            + "would commit part of a transaction that may yet roll back, and outside one a BEGIN would "
                            + "leave a transaction open on the pooled connection. Use db.transaction(..) (nested for "
                            + "a savepoint), or TxOptions for isolation and read-only");
                }
                if (!word.equals("set")) {
                    return;
                }
                first = word;
                continue;
            }
            if (word.equals("local") || word.equals("constraints") || word.equals("transaction")) {
                return;
            }
            throw new IllegalArgumentException("sql(" + sql + "): a SET of the session would stay on the pooled "
                    + "connection after this call, for whoever borrows it next (Belay gives connections back as it "
                    + "got them); inside a transaction use SET LOCAL, which ends with it, and for every connection "
                    + "set it in the JDBC URL (options=-c name=value) or on the role (ALTER ROLE ... SET)");
        }
    }

    /**
     * pgjdbc would encode an unpaired surrogate as {@code ?}, silently changing the statement (and perhaps adding
     * a placeholder), so such text is refused before anything reads it.
     */
    private static void refuseLoneSurrogates(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < sql.length() && Character.isLowSurrogate(sql.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format("sql(...) has a lone UTF-16 surrogate \\u%04X at "
                        + "index %d; the JDBC driver would send it as '?' and change the statement. Repair the "
                        + "text, which was likely cut in the middle of a character", (int) c, i));
            }
        }
    }

    /**
     * Whether a statement may change data, read from its tokens: a conservative classification, for running
     * {@code one()} atomically and refusing {@code first()} on statements that change data. A wrong {@code true}
     * costs an extra round trip; {@code false} is only claimed for a statement that starts as a plain read. It is
     * false when all of these hold:
     * <ul>
     *   <li>the first keyword, after whitespace, comments and opening parentheses, is {@code SELECT},
     *       {@code VALUES}, {@code TABLE}, {@code SHOW}, {@code EXPLAIN} or {@code WITH};</li>
     *   <li>no token {@code INSERT}, {@code DELETE}, {@code MERGE} or {@code UPDATE} occurs outside quotes and
     *       comments, except {@code UPDATE} in the row locks {@code FOR UPDATE} and {@code FOR NO KEY UPDATE}
     *       (a data-modifying {@code WITH}, or {@code EXPLAIN} of a change);</li>
     *   <li>no token {@code INTO} ({@code SELECT ... INTO} creates a table) and no {@code ANALYZE} or
     *       {@code ANALYSE} ({@code EXPLAIN ANALYZE} runs the statement);</li>
     *   <li>nothing follows a {@code ;}: a second statement could be anything.</li>
     * </ul>
     * Every other statement ({@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, {@code CALL},
     * {@code DO}, {@code COPY}, DDL, ...) is {@code true}, as is text with no keyword at all. What tokens cannot
     * see stays {@code false}: a {@code SELECT} calling a function that writes, {@code nextval}, or takes an
     * advisory lock; row locks ({@code FOR UPDATE}, {@code FOR SHARE}) count as reads.
     */
    static boolean mayChangeData(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        String first = null;
        String previous = "";
        boolean ended = false;
        while (lexer.next()) {
            if (lexer.kind() == Kind.SPACE || lexer.kind() == Kind.COMMENT) {
                continue;
            }
            if (lexer.is(';')) {
                ended = true;
                continue;
            }
            if (ended) {
                return true;
            }
            String word = lexer.kind() == Kind.WORD ? lexer.lowerWord() : "";
            if (first == null) {
                if (lexer.is('(')) {
                    continue;
                }
                if (!startsAsRead(word)) {
                    return true;
                }
                first = word;
            } else if (writes(word, previous)) {
                return true;
            }
            previous = word;
        }
        return first == null;
    }

    private static boolean startsAsRead(String keyword) {
        return switch (keyword) {
            case "select", "values", "table", "show", "explain", "with" -> true;
            default -> false;
        };
    }

    /** Whether a token, after the token {@code previous} (empty unless a word), marks a statement as a change. */
    private static boolean writes(String word, String previous) {
        return switch (word) {
            case "insert", "delete", "merge", "into", "analyze", "analyse" -> true;
            case "update" -> !previous.equals("for") && !previous.equals("key");
            default -> false;
        };
    }
}
