package dev.belay.it.catalog;

import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.fixtures.WideTable.WIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.executor.DBConnection;
import dev.belay.executor.SchemaDrift;
import dev.belay.executor.SchemaDrift.Kind;
import dev.belay.executor.SchemaDriftException;
import dev.belay.executor.SchemaVerifier;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture descriptors match the fixture schema; each kind of drift, made for real with ALTER, is reported. */
@FixtureDatabase
final class SchemaVerifierTest {

    /** A descriptor of a table that is not there. */
    private static final class Ghost extends Table<Object> {
        final dev.belay.dsl.Column<Object, Long> ID = column("id", dev.belay.dsl.PgType.INT8);

        Ghost() {
            super("ghosts", Object.class);
        }
    }

    @Test
    void theFixtureDescriptorsMatchAndDriftIsReportedColumnByColumn(TestDatabase t) {
        DBConnection db = t.open();
        assertEquals(List.of(), SchemaVerifier.verify(db, USER, ORDER, NODE, EVENT, WIDE, Table.of(Doc.class)));
        SchemaVerifier.requireMatch(db, USER, ORDER);

        t.execute("ALTER TABLE wide DROP COLUMN c6");
        t.execute("ALTER TABLE wide ALTER COLUMN c5 TYPE integer USING NULL");
        t.execute("ALTER TABLE wide ALTER COLUMN c1 DROP NOT NULL");
        t.execute("ALTER TABLE wide ALTER COLUMN c2 SET NOT NULL");
        t.execute("ALTER TABLE events ALTER COLUMN happened_at DROP DEFAULT");
        t.execute("ALTER TABLE nodes ADD COLUMN weight integer NOT NULL");
        t.execute("ALTER TYPE order_status ADD VALUE 'CANCELLED'");

        List<SchemaDrift> drift = SchemaVerifier.verify(db, new Ghost(), WIDE, EVENT, NODE, ORDER, USER);
        assertEquals(List.of(
                new SchemaDrift("\"ghosts\"", null, Kind.MISSING_TABLE, "is not in the database"),
                new SchemaDrift("\"wide\"", "c1", Kind.NULLABILITY_MISMATCH,
                        "is NOT NULL in the descriptor but nullable in the database, so reading a NULL fails"),
                new SchemaDrift("\"wide\"", "c2", Kind.NULLABILITY_MISMATCH,
                        "is nullable() in the descriptor but NOT NULL in the database, so writing NULL fails"),
                new SchemaDrift("\"wide\"", "c5", Kind.TYPE_MISMATCH, "is text in the descriptor but integer in the database"),
                new SchemaDrift("\"wide\"", "c6", Kind.MISSING_COLUMN, "is not in the database"),
                new SchemaDrift("\"events\"", "happened_at", Kind.NO_DEFAULT, "is generated() in the descriptor but has "
                        + "no default or identity in the database, so inserts that leave it out fail"),
                new SchemaDrift("\"nodes\"", "weight", Kind.UNKNOWN_REQUIRED_COLUMN, "is NOT NULL without a default in "
                        + "the database but not in the descriptor, so every insert through it fails"),
                new SchemaDrift("\"orders\"", "status", Kind.ENUM_LABELS_DIFFER, "has enum \"order_status\" whose labels "
                        + "in the database are [NEW, PAID, SHIPPED, CANCELLED] but the Java enum Status has [NEW, PAID, "
                        + "SHIPPED]")), drift);

        SchemaDriftException e = assertThrows(SchemaDriftException.class, () -> SchemaVerifier.requireMatch(db, WIDE));
        assertEquals(4, e.drift().size());
        assertTrue(e.getMessage().startsWith("the descriptors do not match the database (4 differences):\n"
                + "  - table \"wide\": column \"c1\" is NOT NULL in the descriptor"), e.getMessage());
        SchemaVerifier.requireMatch(db, USER);
        assertEquals(0, db.poolStats().active());
    }
}
