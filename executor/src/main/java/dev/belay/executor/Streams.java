package dev.belay.executor;

import java.lang.ref.Cleaner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link DBConnection#stream}: a forward-only result read {@code fetchSize} rows at a time through a server
 * cursor. pgjdbc only uses a cursor with autocommit off, so outside a transaction the stream runs in its own,
 * which commits only when the stream was read to the end; closing it early, or any exception (the driver's,
 * a mapping failure or the consumer's), rolls it back. Read to the end, it releases everything by itself;
 * abandoned without being closed, a {@link Cleaner} rolls it back and returns its connection once the stream
 * is unreachable, and logs a warning.
 */
final class Streams {
    private Streams() {}

    /** One daemon thread for the whole process, which only ever runs the safety net of abandoned streams. */
    private static final Cleaner CLEANER = Cleaner.create();

    static <T> Stream<T> open(Session s, BoundStatement st, Plans.Target target) {
        Engine engine = s.engine();
        Transactions.Tx tx = s.tx();
        if (tx != null) {
            tx.requireOpen();
            return start(s, st, target, tx, tx.connection, false);
        }
        engine.requireOutsideTransaction();
        Transactions.Tx external = engine.joinExternal();
        if (external != null) { // another manager's transaction: the stream runs in it, released on close
            return start(s, st, target, external, external.connection, true);
        }
        Route route = s.route();
        if (!route.replica()) {
            return start(s, st, target, null, engine.borrow(), false);
        }
        route.refuseWrite(st, false);
        Replicas.Lent lent = engine.lend(route);
        try {
            return start(s, st, target, null, lent.connection(), false);
        } catch (ConnectionLostException e) {
            // no row was read yet, so the read may run again
            return start(s, st, target, null, engine.afterLost(route, lent, e), false);
        }
    }

    private static <T> Stream<T> start(Session s, BoundStatement st, Plans.Target target,
                                       Transactions.@Nullable Tx tx, Connection connection, boolean joined) {
        Engine engine = s.engine();
        State state = new State(engine, tx, connection, st);
        state.joined = joined;
        state.call = engine.log.started(st.sql());
        RowMapper<T> mapper;
        try {
            state.begin();
            Plans.Shape shape = engine.plans.shape(st.sql(), st.types());
            // in an external transaction the statement keeps to its deadline (Pipeline.timeoutSeconds)
            state.ps = Pipeline.prepare(joined && tx != null ? s.in(tx) : s, state.connection, st, shape);
            state.ps.setFetchSize(engine.config.fetchSize());
            state.rs = state.ps.executeQuery();
            mapper = shape.mapper(target, state.rs, state.connection);
        } catch (SQLException e) {
            throw state.fail(engine.translate(e, st.sql(), st.params()), true);
        } catch (Throwable e) {
            throw state.fail(e, false);
        }
        Stream<T> stream = StreamSupport.stream(new Rows<>(state, mapper), false).onClose(state::close);
        if (tx == null) {
            state.cleanable = CLEANER.register(stream, state);
        } else {
            tx.opened(state);
        }
        return stream;
    }

    private static final class Rows<T> extends Spliterators.AbstractSpliterator<T> {
        private final State state;
        private final RowMapper<T> mapper;

        Rows(State state, RowMapper<T> mapper) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.state = state;
            this.mapper = mapper;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (state.released) {
                if (state.exhausted) {
                    return false;
                }
                throw new IllegalStateException("the stream was closed, or its transaction ended, before it was read "
                        + "to the end; its remaining rows are gone\n  in: " + state.statement.sql());
            }
            T row;
            try {
                if (!state.rs.next()) {
                    state.exhausted = true;
                    state.release(true);
                    return false;
                }
                row = mapper.map(state.rs);
                state.rows++;
            } catch (SQLException e) {
                throw state.fail(state.engine.translate(e, state.statement.sql(), state.statement.params()), true);
            } catch (Throwable e) {
                throw state.fail(e, false);
            }
            try {
                action.accept(row);
            } catch (Throwable e) {
                state.release(false);
                throw Transactions.sneaky(e);
            }
            return true;
        }
    }

    /** The resources of one stream; also the Cleaner's action, so it must never reference the stream. */
    static final class State implements Runnable {
        final Engine engine;
        final Transactions.@Nullable Tx tx;
        final Connection connection;
        final BoundStatement statement;
        @Nullable PreparedStatement ps;
        @Nullable ResultSet rs;
        volatile boolean released;
        volatile boolean exhausted;
        private boolean lentAutoCommit = true;
        /** {@code tx} was joined from another manager for this stream alone: released with the stream. */
        boolean joined;
        /** The listener's view of this stream, ended when it is released: finished, or failed by {@link #fail}. */
        StatementListener.@Nullable Call call;
        long rows;
        Cleaner.@Nullable Cleanable cleanable;

        State(Engine engine, Transactions.@Nullable Tx tx, Connection connection, BoundStatement statement) {
            this.engine = engine;
            this.tx = tx;
            this.connection = connection;
            this.statement = statement;
        }

        private boolean own() {
            return tx == null;
        }

        void begin() throws SQLException {
            if (own()) {
                lentAutoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                LocalSettings.apply(connection, engine.localSettings);
            }
        }

        /**
         * Releases after a failure and returns what to throw. Inside a transaction, a failure the server saw, or
         * any failure of a data-modifying statement, is recorded on the transaction.
         */
        RuntimeException fail(Throwable e, boolean server) {
            StatementListener.Call listening = call;
            call = null;
            if (listening != null) {
                listening.failed(e);
            }
            if (tx != null && (server || statement.modifiesData() && e instanceof BelayException
                    && !(e instanceof BindException))) {
                tx.failed((BelayException) e);
            }
            try {
                release(false);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            return Transactions.sneaky(e);
        }

        /** The user's close (try-with-resources): commits nothing unless the stream was read to the end. */
        void close() {
            release(false);
            if (cleanable != null) {
                cleanable.clean();
            }
        }

        /** The Cleaner's safety net for a stream dropped without being closed. */
        @Override
        public void run() {
            if (!released) {
                engine.log.warn("a stream was dropped without being closed: its transaction was rolled back and its "
                        + "connection returned. Close streams with try-with-resources\n  in: " + statement.sql());
                try {
                    release(false);
                } catch (RuntimeException ignored) {
                    // nothing is listening on the Cleaner's thread; the warning above is the report
                }
            }
        }

        /**
         * Closes the cursor; an own transaction commits only with {@code commit}, then the connection goes back.
         * A data-modifying stream on a caller's transaction that was not read to the end leaves changes nobody
         * saw, so that transaction must not commit them either.
         */
        synchronized void release(boolean commit) {
            if (released) {
                return;
            }
            released = true;
            if (tx != null && !exhausted && statement.modifiesData()) {
                tx.failed(new BelayException("a data-modifying stream was closed before it was read to the end, so "
                        + "the rows it changed were not all seen; read it to the end, or use exec()",
                        null, ErrorContext.of(statement.sql())));
            }
            SQLException failure = null;
            try {
                if (rs != null) {
                    rs.close();
                }
                if (ps != null) {
                    ps.close();
                }
                if (own()) {
                    if (commit) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                }
            } catch (SQLException e) {
                failure = e;
            } finally {
                if (own()) {
                    Engine.giveBack(connection, lentAutoCommit);
                } else {
                    tx.closed(this);
                    if (joined) {
                        tx.release();
                    }
                }
            }
            StatementListener.Call listening = call;
            call = null;
            if (failure != null && (commit || tx == null)) {
                BelayException error = engine.translate(failure, commit ? "COMMIT" : statement.sql(),
                        statement.params());
                if (listening != null) {
                    listening.failed(error);
                }
                throw error;
            }
            if (listening != null) {
                listening.finished(rows);
            }
        }
    }
}
