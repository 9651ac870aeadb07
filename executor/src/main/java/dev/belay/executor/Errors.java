package dev.belay.executor;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Translates a driver exception into the {@link BelayException} subtype its SQLSTATE stands for. */
final class Errors {
    private Errors() {}

    /**
     * @param sql    the statement that failed, or null when none was running (borrowing a connection)
     * @param params its parameter values, shown in the message only when {@code showParams}
     */
    static BelayException translate(SQLException e, @Nullable String sql, @Nullable List<?> params,
                                    boolean showParams) {
        return translate(e, sql, params, showParams, "", UnaryOperator.identity());
    }

    /**
     * @param prefix what Belay knows about the failure that the server did not say (a bulk write's input row),
     *               put in front of the server's message
     * @param adjust adds what Belay knows to the context (the row index; a column the server did not name)
     */
    static BelayException translate(SQLException e, @Nullable String sql, @Nullable List<?> params,
                                    boolean showParams, String prefix, UnaryOperator<ErrorContext> adjust) {
        String state = e.getSQLState();
        ErrorContext context = ErrorContext.of(sql).sqlState(state);
        String text0 = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null) {
                context = context.table(m.getSchema() != null && m.getTable() != null
                                ? m.getSchema() + "." + m.getTable() : m.getTable())
                        .column(m.getColumn()).constraint(m.getConstraint());
                text0 = serverText(m, showParams);
            }
        }
        context = adjust.apply(context);
        StringBuilder msg = new StringBuilder(prefix).append(text0);
        if (state != null) {
            msg.append(" [SQLSTATE ").append(state).append(']');
        }
        if (sql != null) {
            msg.append("\n  in: ").append(sql);
        }
        if (lostNamedStatement(state, text0)) {
            msg.append("\n  The driver's named statement is not on this server connection: a pooler in transaction "
                    + "mode (PgBouncer pool_mode=transaction) gave the transaction another one. Set "
                    + "DBConfig.Builder.pgbouncerTransactionMode() (or prepareThreshold=0 on your own pool)");
        }
        if ("25006".equals(state)) {
            msg.append("\n  The statement ran where writes are refused: on a read replica (db.replica(), or a read-only "
                    + "transaction routed to one) or in a read-only transaction. Run it on the DBConnection itself, "
                    + "or in a read-write transaction");
        }
        if (e instanceof SQLTransientConnectionException && e.getCause() instanceof SQLException failure) {
            msg.append(connectFailure(failure));
        }
        if (params != null && !params.isEmpty()) {
            msg.append(showParams ? "\n  parameters: " + params
                    : "\n  (" + params.size() + " parameters, hidden: DBConfig.logParameters(true) shows them)");
        }
        String text = msg.toString();
        Throwable cause = e;
        if (!showParams && e instanceof PSQLException p && p.getServerErrorMessage() != null
                && (p.getServerErrorMessage().getDetail() != null || p.getServerErrorMessage().getWhere() != null)) {
            // the driver's own exception prints the detail and the context too (COPY's context quotes the failing
            // line), so the cause is replaced by a copy without them
            SQLException hidden = new SQLException(text0, e.getSQLState(), e.getErrorCode());
            hidden.setStackTrace(e.getStackTrace());
            cause = hidden;
        }
        if (e instanceof SQLTransientConnectionException) {
            return new ConnectionLostException(text, cause, context);
        }
        if (state == null) {
            return new BelayException(text, cause, context);
        }
        return switch (state) {
            case "23505" -> new UniqueViolationException(text, cause, context);
            case "23502" -> new NotNullViolationException(text, cause, context);
            case "23503" -> new ForeignKeyViolationException(text, cause, context);
            case "23514" -> new CheckViolationException(text, cause, context);
            case "40001" -> new SerializationFailureException(text, cause, context);
            case "40P01" -> new DeadlockException(text, cause, context);
            case "57014" -> new QueryTimeoutException(text, cause, context);
            case "55P03" -> new LockNotAvailableException(text, cause, context);
            case "25006" -> new ReadOnlyTransactionException(text, cause, context);
            default -> lost(state) ? new ConnectionLostException(text, cause, context)
                    : state.startsWith("23") ? new ConstraintViolationException(text, cause, context)
                    : new BelayException(text, cause, context);
        };
    }

    /**
     * Why the pool could not make a connection, which HikariCP's timeout message leaves out; with several hosts in
     * the URL and {@code targetServerType=primary}, pgjdbc's "Could not find a server" means none of them is a
     * primary that accepts connections right now.
     */
    private static String connectFailure(SQLException failure) {
        String text = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        String why = "\n  the last connection attempt failed: " + text
                + (failure.getSQLState() == null ? "" : " [SQLSTATE " + failure.getSQLState() + "]");
        if (text.contains("Could not find a server with specified targetServerType")) {
            why += "\n  No primary was reachable among the URL's hosts: each was down or not a primary (a standby). "
                    + "Work continues once one is promoted and accepts connections (pgjdbc checks a host it found "
                    + "wanting again after hostRecheckSeconds, 10 s by default)";
        }
        return why;
    }

    /**
     * pgjdbc's named statements ({@code S_1}, ...) missing (26000) or already there (42P05): the driver prepared
     * them on a server connection other than the one it is now talking to, which only a pooler in between does.
     */
    static boolean lostNamedStatement(@Nullable String state, String message) {
        return ("26000".equals(state) || "42P05".equals(state)) && message.contains("prepared statement \"S_");
    }

    /**
     * SQLSTATEs after which the session is gone: connection exceptions (class 08), the server shutting
     * down or terminating the backend (57P01-57P03), and idle-session timeouts (57P05).
     */
    static boolean lost(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("57P05"));
    }

    /**
     * The server's message without its DETAIL unless parameters may be shown: a unique violation's detail
     * repeats the offending value ("Key (email)=(...) already exists").
     */
    private static String serverText(ServerErrorMessage m, boolean showParams) {
        StringBuilder b = new StringBuilder();
        b.append(m.getSeverity() == null ? "ERROR" : m.getSeverity()).append(": ").append(m.getMessage());
        if (m.getDetail() != null) {
            b.append(showParams ? "\n  Detail: " + m.getDetail() : "\n  (server detail hidden: it may hold parameter "
                    + "values; DBConfig.logParameters(true) shows it)");
        }
        if (m.getHint() != null) {
            b.append("\n  Hint: ").append(m.getHint());
        }
        return b.toString();
    }
}
