package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConnection;
import dev.belay.executor.TxOptions;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code TxOptions.retries} covers a serialization failure raised by COMMIT itself, as distributed engines
 * (CockroachDB, YugabyteDB) raise 40001 there under contention: here PostgreSQL's SERIALIZABLE write skew, where
 * the other transaction commits first and ours can only fail at its COMMIT.
 */
@BelayTest
final class CommitRetryTest {

    @Test
    void aSerializationFailureAtCommitRerunsTheBody(TestDatabase t, DBConnection db) {
        t.execute("CREATE TABLE skew (kind int4 NOT NULL, v int4 NOT NULL)");
        DBConnection other = t.open();
        List<String> attempts = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        int result = db.transaction(TxOptions.serializable().retries(2), tx -> {
            int attempt = started.incrementAndGet();
            attempts.add("attempt " + attempt + " started");
            tx.sql("select count(*) from skew where kind = 1").one(Long.class);
            tx.sql("insert into skew values (2, :a)").bind("a", attempt).execute();
            if (attempt == 1) {
                // the mirror image, committed first: a read/write cycle that only our COMMIT can break
                other.useTransaction(TxOptions.serializable(), o -> {
                    o.sql("select count(*) from skew where kind = 2").one(Long.class);
                    o.sql("insert into skew values (1, 0)").execute();
                });
            }
            attempts.add("attempt " + attempt + " body done");
            return attempt;
        });
        assertEquals(List.of("attempt 1 started", "attempt 1 body done", "attempt 2 started", "attempt 2 body done"),
                attempts, "the first attempt's body finished, so its failure came from COMMIT");
        assertEquals(2, result);
        assertEquals(1L, t.count("SELECT count(*) FROM skew WHERE kind = 2"), "only the second attempt committed");
        t.close(other);
    }
}
