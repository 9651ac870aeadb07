package dev.belay.it.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.belay.executor.BelayException;
import dev.belay.executor.ConnectionLostException;
import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.test.PostgresCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: pgjdbc's multi-host URL with {@code targetServerType=primary}, unchanged, over a primary and its standby.
 * With the primary stopped, new work fails with {@link ConnectionLostException} saying no primary was reachable among
 * the URL's hosts; once the standby is promoted, work continues within seconds.
 */
final class MultiHostFailoverTest {
    private static final String WHERE = "select pg_is_in_recovery()";

    @Test
    void workFailsTypedWithoutAPrimaryAndContinuesOnThePromotedStandby() {
        try (PostgresCluster primary = PostgresCluster.primary();
             PostgresCluster standby = PostgresCluster.standbyOf(primary)) {
            String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                    + "/postgres?targetServerType=primary&hostRecheckSeconds=1";
            DBConfig config = DBConfig.builder(url).user("postgres").poolSize(2)
                    .connectionTimeout(Duration.ofSeconds(1)).build();
            try (DBConnection db = DBConnection.open(config)) {
                db.sql("create table t (x int)").execute();
                assertEquals(1, db.sql("insert into t values (1)").execute());
                assertEquals(primary.port(), db.sql("select inet_server_port()").one(Integer.class));

                primary.stop();
                String message = failsUntil(db, "No primary was reachable among the URL's hosts");
                assertTrue(message.contains("targetServerType"), message);

                standby.promote();
                long deadline = System.currentTimeMillis() + 15_000;
                while (true) {
                    try {
                        assertEquals(1, db.sql("insert into t values (2)").execute());
                        break;
                    } catch (ConnectionLostException e) {
                        if (System.currentTimeMillis() > deadline) {
                            fail("no work succeeded within 15 s of the promotion: " + e.getMessage(), e);
                        }
                        Replication.pause(100);
                    }
                }
                assertEquals(false, db.sql(WHERE).one(Boolean.class));
                assertEquals(standby.port(), db.sql("select inet_server_port()").one(Integer.class));
                assertEquals(2L, db.sql("select count(*) from t").one(Long.class));
            }
        }
    }

    /**
     * Work fails with ConnectionLostException until the message says {@code expected}: the first calls may still meet
     * a pooled connection the stop broke (an I/O error), then the pool's new connections find no primary.
     */
    private static String failsUntil(DBConnection db, String expected) {
        for (int i = 0; i < 20; i++) {
            try {
                db.sql("insert into t values (99)").execute();
                fail("work succeeded without a primary");
            } catch (BelayException e) {
                assertInstanceOf(ConnectionLostException.class, e, e.toString());
                if (e.getMessage().contains(expected)) {
                    return e.getMessage();
                }
            }
        }
        throw new AssertionError("no failure said: " + expected);
    }
}
