package dev.belay.it.docs;

import static dev.belay.dsl.Sql.count;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.Sql.update;
import static dev.belay.it.docs.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.executor.DBConfig;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TxOptions;
import dev.belay.executor.WalPosition;
import dev.belay.it.replicas.Replication;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/scaling-out.md: read replicas, read-your-writes and a multi-host URL, on a primary and a hot standby of the
 * test kit's PostgresCluster. Runs in it-tests' replicas execution.
 */
final class ReplicasDocTest {

    @Test
    void readReplicasAndReadYourWrites() throws Exception {
        try (Replication servers = Replication.start(1)) {
            String primaryUrl = servers.primary.url();
            String replicaUrl = servers.standby().url();
            String user = servers.primary.user();
            // tag::replicas-config[]
            DBConfig config = DBConfig.builder(primaryUrl)          // e.g. jdbc:postgresql://db1:5432/app
                    .user(user)
                    .replica(replicaUrl)                             // once per replica: jdbc:postgresql://db2:5432/app
                    .replicaRetryAfter(Duration.ofSeconds(5))        // how long a replica that failed is skipped
                    .build();
            try (DBConnection db = DBConnection.open(config)) {
                List<User> adults = db.replica().exec(select(User.class).where(USER.AGE.ge(18)));   // a replica
                long users = db.transaction(TxOptions.DEFAULT.readOnly(true),                       // a replica
                        tx -> tx.fetchValue(select(count()).from(USER)));
                db.exec(update(USER).set(USER.AGE, 31).where(USER.EMAIL.eq("ann@example.org")));  // the primary
            }
            // end::replicas-config[]
            try (DBConnection db = DBConnection.open(config)) {
                // tag::read-your-writes[]
                db.exec(insertInto(USER).values(new User(null, "Bob", "bob@example.org", 40, null)));
                WalPosition written = db.walPosition();              // where the primary's WAL ends after the write
                Optional<User> bob = db.replica(written, Duration.ofMillis(500))   // a replica that replayed it,
                        .first(select(User.class).where(USER.EMAIL.eq("bob@example.org")));  // else the primary
                // end::read-your-writes[]
                assertEquals("Bob", bob.orElseThrow().name());
                assertEquals(true, db.replica().sql("select pg_is_in_recovery()").one(Boolean.class));
                assertEquals(1, db.replica(written, Duration.ofSeconds(5)).exec(select(User.class)
                        .where(USER.AGE.ge(18))).size(), "the first block's query, now that Bob is there");
            }
        }
    }

    @Test
    void severalHostsInOneUrl() throws Exception {
        try (Replication servers = Replication.start(1)) {
            String host1 = "127.0.0.1:" + servers.primary.port();
            String host2 = "127.0.0.1:" + servers.standby().port();
            String user = servers.primary.user();
            // tag::multi-host[]
            String url = "jdbc:postgresql://" + host1 + "," + host2 + "/postgres"   // e.g. db1:5432,db2:5432
                    + "?targetServerType=primary&hostRecheckSeconds=2";
            DBConfig config = DBConfig.builder(url)
                    .user(user)
                    .connectionTimeout(Duration.ofSeconds(5))        // how long a call waits out a failover
                    .build();
            // end::multi-host[]
            try (DBConnection db = DBConnection.open(config)) {
                assertEquals(false, db.sql("select pg_is_in_recovery()").one(Boolean.class));
                assertTrue(db.exec(insertInto(USER).values(new User(null, "Cy", "cy@example.org", 5, null))
                        .returning(USER.ID)).size() == 1);
            }
        }
    }
}
