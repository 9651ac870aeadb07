package dev.belay.it.bulk;

import static dev.belay.dsl.Sql.onConflict;
import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.Upserted;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A column of a composite type (codegen's PgType.custom(.., String.class)) in db.insert and db.upsert, before and
 * after other columns: every column keeps its own values (unnest would spread an array of composites over several).
 */
@BelayTest
final class BulkCompositeColumnTest {
    record Thing(Integer id, @Nullable String pair, String label) {}

    static final class Things extends Table<Thing> {
        static final Things T = new Things();
        final Column<Thing, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Thing, String> pair = column("pair", PgType.custom("bulk_pair", String.class)).nullable();
        final Column<Thing, String> label = column("label", PgType.TEXT);

        private Things() {
            super("bulk_things", Thing.class);
        }
    }

    @BeforeAll
    static void create(TestDatabase t) {
        t.execute("CREATE TYPE bulk_pair AS (a int4, b text);"
                + "CREATE TABLE bulk_things (id int4 PRIMARY KEY, pair bulk_pair, label text NOT NULL)");
    }

    @Test
    void aCompositeColumnKeepsItsValuesAndTheOthersTheirs(DBConnection db) {
        Things t = Things.T;
        db.insert(t, List.of(new Thing(1, "(1,x)", "one"), new Thing(2, null, "two"), new Thing(3, "(3,\"y z\")", "three")));
        List<Upserted<Thing>> upserted = db.upsert(List.of(new Thing(2, "(2,w)", "TWO"), new Thing(4, "(4,v)", "four")),
                onConflict(t.id).doUpdateAllExcept());
        assertEquals(new Thing(2, "(2,w)", "TWO"), upserted.get(0).row());
        assertEquals(List.of(new Thing(1, "(1,x)", "one"), new Thing(2, "(2,w)", "TWO"), new Thing(3, "(3,\"y z\")", "three"),
                new Thing(4, "(4,v)", "four")), db.exec(select(t).orderBy(t.id)));
    }
}
