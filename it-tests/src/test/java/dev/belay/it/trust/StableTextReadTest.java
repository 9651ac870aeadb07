package dev.belay.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column read as String is PostgreSQL's own text of the value, and the same on every execution: pgjdbc receives
 * some types in binary once a statement is server-prepared (from its fifth execution), and its text of those
 * differed (timetz normalised to +00, bytea as a Java array's identity, arrays with quoted elements, points with
 * Java doubles).
 */
@BelayTest
final class StableTextReadTest {

    @Test
    void everyExecutionReadsPostgresqlsText(DBConnection db) {
        for (String expr : List.of("'12:00:00+02'::timetz", "'{\"12:00:00+02\"}'::timetz[]", "'\\x0102ff'::bytea",
                "'{1,2}'::int4[]", "'{1,NULL}'::int8[]", "'{a,\"b c\",NULL}'::text[]", "'{1.5}'::float8[]",
                "'{1.50}'::numeric[]", "'(1,2)'::point", "'((1,2),(3,4))'::box", "'2024-01-02 03:04:05.123456+02'::timestamptz",
                "'03:04:05.25'::time", "'2024-01-02'::date", "1.5::float8", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid")) {
            String text = db.sql("select (" + expr + ")::text").one(String.class);
            for (int i = 1; i <= 8; i++) {
                assertEquals(text, db.sql("select " + expr + " as v").one(String.class), expr + ", read #" + i);
            }
        }
    }
}
