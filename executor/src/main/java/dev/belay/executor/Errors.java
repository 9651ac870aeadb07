package dev.belay.executor;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Translates a driver exception into the {@link BelayException} subtype its SQLSTATE stands for. */
final class Errors {
    private Errors() {}

    static BelayException translate(SQLException e, @Nullable String sql, @Nullable List<?> params, boolean showParams) {
        String state = e.getSQLState();
        String table = null;
        String column = null;
        String constraint = null;
        String text0 = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof PSQLException p) {
            ServerErrorMessage m = p.getServerErrorMessage();
            if (m != null) {
                table = m.getSchema() != null && m.getTable() != null ? m.getSchema() + "." + m.getTable() : m.getTable();
                column = m.getColumn();
                constraint = m.getConstraint();
                text0 = serverText(m, showParams);
            }
        }
        StringBuilder msg = new StringBuilder(text0);
        if (state != null) {
            msg.append(" [SQLSTATE ").append(state).append(']');
        }
        if (sql != null) {
            msg.append("\n  in: ").append(sql);
        }
        if (params != null && !params.isEmpty()) {
            msg.append(showParams ? "\n  parameters: " + params
                    : "\n  (" + params.size() + " parameters, hidden: DBConfig.logParameters(true) shows them)");
        }
        String text = msg.toString();
        if (!showParams && e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getDetail() != null) {
            // the driver's own exception prints the detail too, so the cause is replaced by a copy without it
            SQLException hidden = new SQLException(text0, e.getSQLState(), e.getErrorCode());
            hidden.setStackTrace(e.getStackTrace());
            e = hidden;
        }
        if (e instanceof SQLTransientConnectionException) {
            return new ConnectionLostException(text, e, state, sql, table, column, constraint);
        }
        if (state == null) {
            return new BelayException(text, e, null, sql, table, column, constraint);
        }
        return switch (state) {
            case "23505" -> new UniqueViolationException(text, e, state, sql, table, column, constraint);
            case "23502" -> new NotNullViolationException(text, e, state, sql, table, column, constraint);
            case "23503" -> new ForeignKeyViolationException(text, e, state, sql, table, column, constraint);
            case "23514" -> new CheckViolationException(text, e, state, sql, table, column, constraint);
            case "40001" -> new SerializationFailureException(text, e, state, sql, table, column, constraint);
            case "40P01" -> new DeadlockException(text, e, state, sql, table, column, constraint);
            case "57014", "55P03" -> new QueryTimeoutException(text, e, state, sql, table, column, constraint);
            default -> state.startsWith("08") || state.equals("57P01")
                    ? new ConnectionLostException(text, e, state, sql, table, column, constraint)
                    : state.startsWith("23")
                    ? new ConstraintViolationException(text, e, state, sql, table, column, constraint)
                    : new BelayException(text, e, state, sql, table, column, constraint);
        };
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
