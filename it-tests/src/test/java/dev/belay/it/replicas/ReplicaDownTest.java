package dev.belay.it.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.ReplicaFallback;
import dev.belay.executor.ReplicaUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a replica stopped mid-run. Every read through {@code db.replica()} still succeeds (on the primary, the
 * only other server here), from one thread between calls and from several threads while they read; once the
 * replica runs again it takes reads again after {@code replicaRetryAfter}. With {@link ReplicaFallback#FAIL} the
 * reads fail instead, with a typed exception naming the replica.
 */
final class ReplicaDownTest {
    private static final String WHERE = "select pg_is_in_recovery()";
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);
    private static Replication servers;
    private boolean standbyStopped;

    @BeforeAll
    static void start() {
        servers = Replication.start(1);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @AfterEach
    void restartStandby() {
        if (standbyStopped) {
            servers.standby().start();
            standbyStopped = false;
        }
    }

    private void stopStandby() {
        servers.standby().stop();
        standbyStopped = true;
    }

    @Test
    void readsGoToThePrimaryWhileTheReplicaIsDownAndBackAfterItsRestart() {
        try (DBConnection db = DBConnection.open(servers.config().replicaRetryAfter(RETRY_AFTER).build())) {
            DBConnection replica = db.replica();
            assertEquals(true, replica.sql(WHERE).one(Boolean.class));
            stopStandby();
            for (int i = 0; i < 20; i++) {
                assertEquals(false, replica.sql(WHERE).one(Boolean.class), "read " + i + " on the primary");
            }
            servers.standby().start();
            standbyStopped = false;
            awaitOnReplica(replica);
        }
    }

    /**
     * The first read after the stop meets the pooled connection the stop broke (HikariCP does not check one used in
     * the last 500 ms): it runs again on the primary, a stream as well as a list.
     */
    @Test
    void aReadWhoseReplicaConnectionBrokeRunsOnceMore() {
        try (DBConnection db = DBConnection.open(servers.config().replicaRetryAfter(RETRY_AFTER).build())) {
            DBConnection replica = db.replica();
            assertEquals(true, replica.sql(WHERE).one(Boolean.class));
            stopStandby();
            try (java.util.stream.Stream<Boolean> s = replica.sql(WHERE).stream(Boolean.class)) {
                assertEquals(List.of(false), s.toList());
            }
            servers.standby().start();
            standbyStopped = false;
            awaitOnReplica(replica);
            stopStandby();
            assertEquals(false, replica.sql(WHERE).one(Boolean.class));
            assertEquals(0, db.poolStats().active());
        }
    }

    @Test
    void threadsReadingWhileTheReplicaStopsAndRestartsAllSucceed() throws Exception {
        try (DBConnection db = DBConnection.open(servers.config().replicaRetryAfter(RETRY_AFTER).poolSize(4).build())) {
            DBConnection replica = db.replica();
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Map<Boolean, AtomicInteger> where = new ConcurrentHashMap<>();
            List<Thread> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread reader = new Thread(() -> {
                    while (running.get()) {
                        try {
                            boolean standby = replica.sql(WHERE).one(Boolean.class);
                            assertEquals(0L, replica.sql("select count(*) from users").one(Long.class));
                            where.computeIfAbsent(standby, k -> new AtomicInteger()).incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            Thread.sleep(300);
            stopStandby();
            Thread.sleep(1_000);
            servers.standby().start();
            standbyStopped = false;
            awaitOnReplica(replica);
            running.set(false);
            for (Thread reader : readers) {
                reader.join(10_000);
            }
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError(failures.size() + " reads failed; the first: " + failures.peek());
                failures.forEach(e::addSuppressed);
                throw e;
            }
            assertTrue(where.containsKey(true) && where.containsKey(false), "reads on the standby (true) and on the "
                    + "primary (false): " + where);
            assertEquals(0, db.poolStats().active());
        }
    }

    @Test
    void aReplicaDownAtStartupDoesNotFailOpen() {
        stopStandby();
        try (DBConnection db = DBConnection.open(servers.config().replicaRetryAfter(RETRY_AFTER).build())) {
            assertEquals(false, db.replica().sql(WHERE).one(Boolean.class));
            assertEquals(false, db.transaction(dev.belay.executor.TxOptions.DEFAULT.readOnly(true),
                    tx -> tx.sql(WHERE).one(Boolean.class)));
            servers.standby().start();
            standbyStopped = false;
            awaitOnReplica(db.replica());
        }
    }

    @Test
    void withFailNoReplicaMeansATypedErrorNamingIt() {
        stopStandby();
        try (DBConnection db = DBConnection.open(servers.config().replicaRetryAfter(RETRY_AFTER)
                .replicaFallback(ReplicaFallback.FAIL).build())) {
            ReplicaUnavailableException e = assertThrows(ReplicaUnavailableException.class,
                    () -> db.replica().sql(WHERE).one(Boolean.class));
            assertTrue(e.getMessage().contains(servers.standby().url()) && e.getMessage().contains("FAIL"),
                    e.getMessage());
            assertEquals(false, db.sql(WHERE).one(Boolean.class), "the primary itself still works");
        }
    }

    /** Reads on the replica handle reach the standby again within 20 s of its restart. */
    private static void awaitOnReplica(DBConnection replica) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!replica.sql(WHERE).one(Boolean.class)) {
            assertTrue(System.currentTimeMillis() < deadline, "the restarted replica took no read within 20 s");
            Replication.pause(50);
        }
    }
}
