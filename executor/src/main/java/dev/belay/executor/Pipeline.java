package dev.belay.executor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one statement pipeline every DSL query, raw SQL statement and stream goes through: borrow (or use the
 * transaction's connection) → prepare and bind through the shape's binder plan → timeout and row limits →
 * execute → mapping plan → map → log → translate errors → give the connection back as it was lent.
 *
 * <p>What commits when: outside a transaction a statement commits on its own, except a data-modifying
 * statement that returns rows, which runs in its own transaction so that a failure while reading its rows
 * (or {@code one()} finding the wrong count) leaves nothing changed. Inside a transaction every failure of a
 * statement the server saw, and every failure of a data-modifying one, is recorded on the transaction, which
 * then refuses to commit.
 */
final class Pipeline {
    private Pipeline() {}

    /** JDBC work on one connection. */
    @FunctionalInterface
    interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    /**
     * The external transaction a call on the pool's own handle joined for its statements, while they run: the work
     * closes over that handle's session, which knows no transaction, and its statements must still keep to the
     * external transaction's deadline.
     */
    private static final ThreadLocal<Transactions.Tx> JOINED = new ThreadLocal<>();

    /**
     * The query timeout of a statement: the handle's ({@code withTimeout}), or the seconds left of the external
     * transaction it runs in, whichever is shorter; 0 for none.
     */
    static int timeoutSeconds(Session s) {
        Transactions.Tx tx = s.tx() != null ? s.tx() : JOINED.get();
        int external = tx == null ? 0 : tx.deadlineSeconds();
        int own = s.timeoutSeconds();
        return own == 0 ? external : external == 0 ? own : Math.min(own, external);
    }

    /** Every row, or at most {@code maxRows} of them. */
    static <T> List<T> fetch(Session s, BoundStatement st, Plans.Target target, int maxRows) {
        return run(s, st, st.modifiesData(), c -> read(s, c, st, target, maxRows));
    }

    /**
     * The one row (a list of one), or none with {@code orNone}: atomic for a data-modifying statement, whose
     * changes are rolled back (to a savepoint inside a transaction) when the count is wrong or mapping fails.
     */
    static <T> List<T> single(Session s, BoundStatement st, Plans.Target target, String call, boolean orNone) {
        return run(s, st, st.modifiesData(), c -> {
            List<T> rows = read(s, c, st, target, 2);
            String undone = st.modifiesData() ? "; its changes were rolled back" : "";
            if (rows.size() > 1) {
                throw new TooManyRowsException(call + ": the statement returned more than one row" + undone, null,
                        ErrorContext.of(st.sql()));
            }
            if (rows.isEmpty() && !orNone) {
                throw new NoRowException(call + ": the statement returned no row" + undone, null,
                        ErrorContext.of(st.sql()));
            }
            return rows;
        }, st.modifiesData());
    }

    /**
     * Runs a statement for its count: the rows it changed or, for one that returns rows (a SELECT run for what it
     * does, {@code SELECT pg_advisory_lock(1)}; a RETURNING whose rows are not wanted), the rows it returned, which
     * are read and dropped. Refusing such a statement could only happen once it had run (pgjdbc knows it returns
     * rows only then), which would report as failed what was done.
     */
    static int update(Session s, BoundStatement st) {
        return run(s, st, false, c -> {
            long start = System.nanoTime();
            try (PreparedStatement ps = prepare(s, c, st)) {
                int count = ps.execute() ? drain(ps.getResultSet()) : ps.getUpdateCount();
                // a text of several statements has a result each: read them all, so none is left on the connection
                while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                    ResultSet more = ps.getResultSet();
                    if (more != null) {
                        drain(more);
                    }
                }
                s.engine().log.finished(st.sql(), st.params(), start, count);
                return count;
            }
        });
    }

    /** Reads a result to its end, and closes it; gives how many rows it had. */
    private static int drain(ResultSet rs) throws SQLException {
        try (rs) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            return rows;
        }
    }

    private static <T> List<T> read(Session s, Connection c, BoundStatement st, Plans.Target target, int maxRows)
            throws SQLException {
        long start = System.nanoTime();
        Plans.Shape shape = s.engine().plans.shape(st.sql(), st.types());
        try (PreparedStatement ps = prepare(s, c, st, shape)) {
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            try (ResultSet rs = ps.executeQuery()) {
                RowMapper<T> mapper = shape.mapper(target, rs, c);
                List<T> rows = new ArrayList<>(maxRows > 0 ? maxRows : 10);
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                s.engine().log.finished(st.sql(), st.params(), start, rows.size());
                return rows;
            }
        } catch (MappingException e) {
            throw e.sql() != null ? e : new MappingException(e.getMessage() + "\n  in: " + st.sql(), e.getCause(),
                    e.context().sql(st.sql()));
        }
    }

    static PreparedStatement prepare(Session s, Connection c, BoundStatement st) throws SQLException {
        return prepare(s, c, st, s.engine().plans.shape(st.sql(), st.types()));
    }

    /** Prepares and binds through the shape's binder plan; a refused value names its column or placeholder. */
    static PreparedStatement prepare(Session s, Connection c, BoundStatement st, Plans.Shape shape)
            throws SQLException {
        PreparedStatement ps = c.prepareStatement(shape.sql);
        try {
            int timeout = timeoutSeconds(s);
            if (timeout > 0) {
                ps.setQueryTimeout(timeout);
            }
            List<@Nullable Object> params = st.params();
            for (int i = 0; i < params.size(); i++) {
                try {
                    shape.binders[i].bind(c, ps, i + 1, params.get(i));
                } catch (Refused e) {
                    throw bindError(st, i, e.getMessage(), e.getCause());
                } catch (BelayException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the driver's or the JDK's own refusal (ClassCastException, DateTimeException, ...) never escapes raw
                    throw bindError(st, i, "cannot send it as " + st.types().get(i) + ": " + e, e);
                }
            }
            return ps;
        } catch (Throwable e) {
            ps.close();
            throw e;
        }
    }

    private static BindException bindError(BoundStatement st, int i, String reason, @Nullable Throwable cause) {
        return new BindException(st.describe().apply(i) + ": " + reason + "\n  in: " + st.sql(), cause,
                ErrorContext.of(st.sql()));
    }

    static <R> R run(Session s, BoundStatement st, boolean modifies, Work<R> work) {
        return run(s, st, modifies, work, false);
    }

    /**
     * Runs {@code work} on the transaction's connection, or on a pooled one given back afterwards.
     *
     * @param modifies the statement may change data: a failure inside a transaction poisons it, and outside one
     *                 the work runs in its own transaction (atomic)
     * @param atomic   inside a transaction, wrap the work in a savepoint rolled back when it throws
     */
    static <R> R run(Session s, BoundStatement st, boolean modifies, Work<R> work, boolean atomic) {
        StatementListener.Call call = s.engine().log.started(st.sql());
        if (call == null) {
            return execute(s, st, modifies, work, atomic);
        }
        R result;
        try {
            result = execute(s, st, modifies, work, atomic);
        } catch (Throwable e) {
            call.failed(e);
            throw Transactions.sneaky(e);
        }
        call.finished(result instanceof List<?> rows ? rows.size() : result instanceof Number n ? n.longValue()
                : result instanceof BulkResult<?> bulk ? bulk.changed() : -1);
        return result;
    }

    private static <R> R execute(Session s, BoundStatement st, boolean modifies, Work<R> work, boolean atomic) {
        Engine engine = s.engine();
        Transactions.Tx tx = s.tx();
        if (tx != null) {
            tx.requireOpen();
            return atomic ? inSavepoint(engine, tx, st, work) : inTransaction(engine, tx, st, modifies, work);
        }
        engine.requireOutsideTransaction();
        Transactions.Tx external = engine.joinExternal();
        if (external != null) { // another manager's transaction (Spring's): its connection, and it commits
            JOINED.set(external);
            try {
                return atomic ? inSavepoint(engine, external, st, work)
                        : inTransaction(engine, external, st, modifies, work);
            } finally {
                JOINED.remove();
                external.release();
            }
        }
        Route route = s.route();
        if (!route.replica()) {
            return alone(engine, engine.borrow(), st, modifies, work);
        }
        route.refuseWrite(st, modifies);
        Replicas.Lent lent = engine.lend(route);
        try {
            return alone(engine, lent.connection(), st, modifies, work);
        } catch (ConnectionLostException e) {
            // a read that returned nothing yet is safe to run again (a write never has a replica route)
            return alone(engine, engine.afterLost(route, lent, e), st, modifies, work);
        }
    }

    /** The work on a borrowed connection, given back afterwards; in a transaction of its own when it writes. */
    private static <R> R alone(Engine engine, Connection c, BoundStatement st, boolean modifies, Work<R> work) {
        // a read needs a transaction too when the timeouts can only be set for one (LocalSettings)
        boolean own = modifies || engine.localSettings != null;
        boolean lentAutoCommit = true;
        try {
            lentAutoCommit = c.getAutoCommit();
            if (lentAutoCommit == own) {
                c.setAutoCommit(!own);
            }
            LocalSettings.apply(c, engine.localSettings);
            R result = work.run(c);
            if (own) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            rollback(c, own, e);
            throw engine.translate(e, st.sql(), st.params());
        } catch (Throwable e) {
            rollback(c, own, e);
            throw Transactions.sneaky(e);
        } finally {
            Engine.giveBack(c, lentAutoCommit);
        }
    }

    private static <R> R inTransaction(Engine engine, Transactions.Tx tx, BoundStatement st, boolean modifies,
                                       Work<R> work) {
        try {
            return work.run(tx.connection);
        } catch (SQLException e) {
            BelayException error = engine.translate(e, st.sql(), st.params());
            tx.failed(error);
            throw error;
        } catch (BelayException e) {
            if (modifies && !(e instanceof BindException)) {
                tx.failed(e); // the statement ran and changed data, but the call failed: the changes must not commit
            }
            throw e;
        }
    }

    /** The work inside its own savepoint, rolled back when it throws, so the transaction keeps nothing of it. */
    private static <R> R inSavepoint(Engine engine, Transactions.Tx tx, BoundStatement st, Work<R> work) {
        Connection c = tx.connection;
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            BelayException error = engine.translate(e, "SAVEPOINT", List.of());
            tx.failed(error);
            throw error;
        }
        try {
            R result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (Throwable e) {
            Throwable thrown = e instanceof SQLException sql ? engine.translate(sql, st.sql(), st.params()) : e;
            try {
                c.rollback(savepoint);
            } catch (SQLException rollback) {
                thrown.addSuppressed(rollback);
                tx.failed(Errors.translate(rollback, "ROLLBACK TO SAVEPOINT", null, false));
            }
            throw Transactions.sneaky(thrown);
        }
    }

    private static void rollback(Connection c, boolean own, Throwable cause) {
        if (!own) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
