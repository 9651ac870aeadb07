package dev.belay.it.trust;

import static dev.belay.dsl.Sql.deleteFrom;
import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.Sql.lower;
import static dev.belay.dsl.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.test.BelayTest;
import dev.belay.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code into(Record.class)} fills the record by position, as its check when the query is built does, whether the
 * fields are plain columns of the record's own table or not; a table's own row type is filled by property name,
 * whatever the order of its components. The two may send the same SQL text and share nothing but it.
 */
@BelayTest
final class IntoByPositionTest {
    record Person(Long id, String first, String last) {}

    /** Its components in another order than its descriptor's columns. */
    record Swapped(Long id, String last, String first) {}

    static final class People extends Table<Person> {
        static final People P = new People();
        final Column<Person, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Person, String> first = column("first", PgType.TEXT);
        final Column<Person, String> last = column("last", PgType.TEXT);

        private People() {
            super("into_people", Person.class);
        }
    }

    static final class SwappedPeople extends Table<Swapped> {
        static final SwappedPeople S = new SwappedPeople();
        final Column<Swapped, Long> id = column("id", PgType.INT8).primaryKey().generated();
        final Column<Swapped, String> first = column("first", PgType.TEXT);
        final Column<Swapped, String> last = column("last", PgType.TEXT);

        private SwappedPeople() {
            super("into_people", Swapped.class);
        }
    }

    private static final People P = People.P;
    private static final SwappedPeople S = SwappedPeople.S;

    @BeforeAll
    static void create(TestDatabase t) {
        t.execute("CREATE TABLE into_people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, first text NOT NULL, "
                + "last text NOT NULL); INSERT INTO into_people (first, last) VALUES ('Ann', 'Smith')");
    }

    @Test
    void intoFillsByPositionWhetherOrNotEveryFieldIsAPlainColumn(DBConnection db) {
        assertEquals(new Person(1L, "Smith", "Ann"), db.one(select(P.id, P.last, P.first).from(P).into(Person.class)));
        assertEquals(new Person(1L, "Smith", "ann"),
                db.one(select(P.id, P.last, lower(P.first)).from(P).into(Person.class)));
        assertEquals(new Person(1L, "Ann", "Ann"), db.one(select(P.id, P.first, P.first).from(P).into(Person.class)));
        assertEquals(new Person(1L, "Ann", "Smith"), db.one(select(P.id, P.first, P.last).from(P).into(Person.class)));
    }

    @Test
    void aTablesRowTypeIsFilledByNameAndIntoOfTheSameTextByPosition(DBConnection db) {
        // the same SQL text and field types, mapped two ways: neither may take the other's mapping plan
        for (int i = 0; i < 3; i++) {
            assertEquals(new Swapped(1L, "Smith", "Ann"), db.one(select(S)));
            assertEquals(new Swapped(1L, "Ann", "Smith"),
                    db.one(select(S.id, S.first, S.last).from(S).into(Swapped.class)));
        }
    }

    @Test
    void returningIntoFillsByPositionToo(DBConnection db) {
        Person back = db.one(insertInto(P).columns(P.first, P.last).values("Bo", "Lund")
                .returning(P.id, P.last, P.first).into(Person.class));
        db.exec(deleteFrom(P).where(P.id.eq(back.id())));
        assertEquals("Lund", back.first());
        assertEquals("Bo", back.last());
    }
}
