package dev.belay.executor;

import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.ResultQuery;
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
 * {@link DBConnection#stream}: a forward-only result read {@code fetchSize} rows at a time. pgjdbc only
 * uses a server cursor with autocommit off, so outside a transaction the stream runs in its own, which
 * is committed and the connection returned when the stream is closed.
 */
final class Streams {
    private Streams() {}

    static <T> Stream<T> open(Engine engine, Transactions.@Nullable Tx tx, ResultQuery<T> query, int timeoutSeconds) {
        if (tx != null) {
            DBConnection.requireOpen(tx);
        }
        RenderedSql r = query.render();
        boolean own = tx == null;
        Connection c = own ? engine.borrow() : tx.connection;
        PreparedStatement ps = null;
        ResultSet rs = null;
        try {
            if (own) {
                c.setAutoCommit(false);
            }
            ps = engine.prepare(c, r, timeoutSeconds);
            ps.setFetchSize(engine.config.fetchSize());
            rs = ps.executeQuery();
            ResultSet set = rs;
            RowMapper<T> mapper = engine.plan(r, query, rs);
            PreparedStatement statement = ps;
            Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    try {
                        if (!set.next()) {
                            return false;
                        }
                        action.accept(mapper.map(set));
                        return true;
                    } catch (SQLException e) {
                        throw engine.translate(e, r.sql(), r.params());
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> close(engine, c, statement, set, own, r));
        } catch (SQLException e) {
            cleanup(c, ps, rs, own);
            throw engine.translate(e, r.sql(), r.params());
        } catch (RuntimeException | Error e) {
            cleanup(c, ps, rs, own);
            throw e;
        }
    }

    private static void close(Engine engine, Connection c, PreparedStatement ps, ResultSet rs, boolean own,
                              RenderedSql r) {
        try {
            rs.close();
            ps.close();
            if (own) {
                c.commit();
            }
        } catch (SQLException e) {
            throw engine.translate(e, r.sql(), r.params());
        } finally {
            if (own) {
                Engine.giveBack(c);
            }
        }
    }

    private static void cleanup(Connection c, @Nullable PreparedStatement ps, @Nullable ResultSet rs, boolean own) {
        try {
            if (rs != null) {
                rs.close();
            }
            if (ps != null) {
                ps.close();
            }
            if (own) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        } finally {
            if (own) {
                Engine.giveBack(c);
            }
        }
    }
}
