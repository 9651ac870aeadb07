package dev.belay.it.replicas;

import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConnection;
import dev.belay.executor.WalPosition;
import dev.belay.it.docs.User;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: read-your-writes. A read through {@code db.replica(db.walPosition(), timeout)} right after a write always
 * sees it: on a replica that has replayed that far, or else on the primary. Replay paused on the standby
 * ({@code pg_wal_replay_pause()}) makes the lag certain, so that the fallback to the primary is seen too.
 */
final class ReadYourWritesTest {
    private static Replication servers;
    private static DBConnection db;

    @BeforeAll
    static void start() {
        servers = Replication.start(1);
        db = DBConnection.open(servers.config().build());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        servers.close();
    }

    /** Where a read ran, and what it saw. */
    record Seen(boolean standby, String name) {}

    @Test
    void aReadAfterAWriteAlwaysSeesIt() {
        int onStandby = 0;
        for (int i = 0; i < 200; i++) {
            String email = "u" + i + "@example.org";
            db.exec(insertInto(USER).values(new User(null, "U" + i, email, i, null)));
            WalPosition written = db.walPosition();
            User user = db.replica(written, Duration.ofSeconds(2)).one(select(User.class).where(USER.EMAIL.eq(email)));
            assertEquals("U" + i, user.name(), "iteration " + i);
            Seen seen = db.replica(written, Duration.ofSeconds(2))
                    .sql("select pg_is_in_recovery() as standby, (select name from users where email = :e) as name")
                    .bind("e", email).one(Seen.class);
            assertEquals("U" + i, seen.name(), "iteration " + i);
            onStandby += seen.standby() ? 1 : 0;
        }
        assertTrue(onStandby > 100, "the replica, not the primary, should take most reads: " + onStandby + " of 200");
        WalPosition written = db.walPosition();
        assertEquals(true, db.replica(written, Duration.ofSeconds(10)).sql("select pg_is_in_recovery()")
                .one(Boolean.class), "a replica that replayed the write takes the read");
        assertTrue(db.walPosition().compareTo(written) >= 0);
    }

    @Test
    void aReplicaThatHasNotReplayedTheWriteIsPassedForThePrimary() throws SQLException {
        Replication.query(servers.standby(), "select pg_wal_replay_pause()::text");
        try {
            db.exec(insertInto(USER).values(new User(null, "Late", "late@example.org", 1, null)));
            WalPosition written = db.walPosition();
            long start = System.nanoTime();
            assertEquals(false, db.replica(written, Duration.ofMillis(200)).sql("select pg_is_in_recovery()")
                    .one(Boolean.class), "the primary, after waiting for the paused replica");
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "it waited the timeout first");
            assertEquals(1L, db.replica(written, Duration.ZERO).sql("select count(*) from users where email = :e")
                    .bind("e", "late@example.org").one(Long.class));
            assertFalse(db.replica().first(select(User.class).where(USER.EMAIL.eq("late@example.org"))).isPresent(),
                    "a plain replica read does not wait: the paused replica lacks the row");
        } finally {
            Replication.query(servers.standby(), "select pg_wal_replay_resume()::text");
        }
    }

    /**
     * After a WAL switch, PostgreSQL's insert position points past the next segment's page header, which a replica
     * reaches only when more WAL is written (on an idle primary, up to 15 s later); walPosition() gives the end of
     * the last record instead, which the replica has replayed.
     */
    @Test
    void anIdlePrimaryAtAPageBoundaryIsNotWaitedFor() throws SQLException {
        Replication.query(servers.primary, "select pg_switch_wal()::text");
        servers.awaitReplay();
        long start = System.nanoTime();
        assertEquals(true, db.replica(db.walPosition(), Duration.ofSeconds(5)).sql("select pg_is_in_recovery()")
                .one(Boolean.class), "the replica has all the primary wrote");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void walPositionIsRefusedInsideATransaction() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.useTransaction(tx -> tx.walPosition()));
        assertTrue(e.getMessage().contains("after the transaction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> db.replica(db.walPosition(), Duration.ofSeconds(-1)));
    }
}
