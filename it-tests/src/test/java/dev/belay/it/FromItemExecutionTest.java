package dev.belay.it;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.FunctionTable;
import dev.belay.dsl.Merge;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.Tuple3;
import dev.belay.dsl.Tuple4;
import dev.belay.dsl.Tuple5;
import dev.belay.dsl.Tuple6;
import dev.belay.dsl.ValuesTable2;
import dev.belay.dsl.ValuesTable3;
import dev.belay.dsl.ValuesTable4;
import dev.belay.dsl.ValuesTable5;
import dev.belay.dsl.ValuesTable6;
import dev.belay.dsl.fixtures.NodeTable.Node;
import dev.belay.dsl.fixtures.User;
import dev.belay.executor.DBConnection;
import dev.belay.test.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VALUES lists, set-returning functions, row values and MERGE run through the executor on the seeded fixture
 * (users Alice 30 / Bob 17 / Carol NULL with ids 1..3; orders 1 and 2 of Alice tagged {gift,rush} and {}, 3 of Bob
 * tagged {rush}; nodes 1 root, 2 child of 1, 3 leaf of 2, 4 stale of 1), checking the values PostgreSQL returns.
 * Statements that change data run in a transaction rolled back afterwards.
 */
@FixtureDatabase
final class FromItemExecutionTest {
    private static DBConnection dbc;

    @BeforeAll
    static void seed(TestDatabase db) {
        db.runScript(FixtureDatabase.SEED);
        dbc = db.open();
    }

    @Test
    void valuesListIsReadBackTypedAndJoinsAnInt4Column() {
        ValuesTable2<String, Integer> v = values(row("thirty", 30), row("seventeen", 17), row("none", 99))
                .as("v", "label", "n");
        assertEquals(List.of(new Tuple2<>("seventeen", 17), new Tuple2<>("thirty", 30), new Tuple2<>("none", 99)),
                dbc.exec(select(v.v1(), v.v2()).from(v).orderBy(v.v2())));
        // the first row's placeholders are cast, so "n" is int4 and compares with users.age
        assertEquals(List.of(new Tuple2<>("Alice", "thirty"), new Tuple2<>("Bob", "seventeen")),
                dbc.exec(select(USER.NAME, v.v1()).from(USER).join(v).on(USER.AGE.eq(v.v2())).orderBy(USER.NAME)));
        ValuesTable3<String, Integer, Long> three = values(row(value("x"), value(null, PgType.INT4), value(5L)))
                .as("t", "s", "i", "l");
        assertEquals(List.of(new Tuple3<>("x", null, 5L)), dbc.exec(select(three.v1(), three.v2(), three.v3()).from(three)));
    }

    @Test
    void widerValuesListsAndRowsKeepEachItemInItsColumn() {
        ValuesTable6<Long, String, String, Integer, Boolean, String> six = values(
                row(value(1L), value("Alice"), value("alice@example.org"), value(30), value(true), value("a")),
                row(value(3L), value("Carol"), value("carol@example.org"), value(null, PgType.INT4), value(false),
                        value("c"))).as("w", "id", "name", "email", "age", "ok", "tag");
        assertEquals(List.of(new Tuple6<>(1L, "Alice", "alice@example.org", 30, true, "a"),
                        new Tuple6<>(3L, "Carol", "carol@example.org", null, false, "c")),
                dbc.exec(select(six.v1(), six.v2(), six.v3(), six.v4(), six.v5(), six.v6()).from(six)
                        .orderBy(six.v1())));
        // a row of four matches Alice only: Carol's NULL age makes her row comparison NULL, not true
        assertEquals(List.of(new Tuple2<>("Alice", "a")), dbc.exec(select(USER.NAME, six.v6()).from(USER).join(six)
                .on(row(USER.ID, USER.NAME, USER.EMAIL, USER.AGE).eq(row(six.v1(), six.v2(), six.v3(), six.v4())))));
        ValuesTable5<Integer, Integer, Integer, Integer, Integer> five = values(row(1, 2, 3, 4, 5), row(6, 7, 8, 9, 10))
                .as("f", "a", "b", "c", "d", "e");
        assertEquals(List.of(new Tuple5<>(6, 7, 8, 9, 10)), dbc.exec(select(five.v1(), five.v2(), five.v3(), five.v4(),
                five.v5()).from(five).where(row(five.v1(), five.v2(), five.v3(), five.v4(), five.v5())
                .gt(row(1, 2, 3, 4, 5)))));
        ValuesTable4<String, Integer, Long, Boolean> four = values(row("x", 1, 10L, true)).as("q", "s", "i", "l", "b");
        assertEquals(List.of(new Tuple4<>("x", 1, 10L, true)),
                dbc.exec(select(four.v1(), four.v2(), four.v3(), four.v4()).from(four)));
    }

    @Test
    void lateralValuesTurnColumnsIntoRows() {
        ValuesTable2<String, String> kv = values(row(value("name"), USER.NAME), row(value("email"), USER.EMAIL))
                .as("kv", "k", "v").lateral();
        assertEquals(List.of(new Tuple2<>("email", "bob@example.org"), new Tuple2<>("name", "Bob")),
                dbc.exec(select(kv.v1(), kv.v2()).from(USER).crossJoin(kv).where(USER.ID.eq(2L)).orderBy(kv.v1())));
    }

    @Test
    void unnestGivesTheListsElementsInOrderWithTheirOrdinal() {
        FunctionTable<String> t = unnest(List.of("c", "a", "b")).withOrdinality().as("t", "tag", "n");
        assertEquals(List.of(new Tuple2<>("c", 1L), new Tuple2<>("a", 2L), new Tuple2<>("b", 3L)),
                dbc.exec(select(t.value(), t.ordinality()).from(t).orderBy(t.ordinality())));
        FunctionTable<Integer> withNull = unnest(Arrays.asList(7, null, 9), PgType.INT4).withOrdinality().as("u");
        assertEquals(Arrays.asList(7, null, 9),
                dbc.exec(select(withNull.value()).from(withNull).orderBy(withNull.ordinality())));
        FunctionTable<Long> none = unnest(List.<Long>of(), PgType.INT8).as("e");
        assertEquals(List.of(), dbc.exec(select(none.value()).from(none)));
    }

    @Test
    void unnestTakesAColumnOfAnEarlierTable() {
        FunctionTable<String> tag = unnest(ORDER.TAGS).as("tag");
        assertEquals(List.of(new Tuple2<>(1L, "gift"), new Tuple2<>(1L, "rush"), new Tuple2<>(3L, "rush")),
                dbc.exec(select(ORDER.ID, tag.value()).from(ORDER).crossJoin(tag).orderBy(ORDER.ID, tag.value())));
    }

    @Test
    void generateSeriesOfNumbers() {
        FunctionTable<Integer> odd = generateSeries(1, 6, 2).as("s");
        assertEquals(List.of(1, 3, 5), dbc.exec(select(odd.value()).from(odd).orderBy(odd.value())));
        FunctionTable<Long> big = generateSeries(5_000_000_000L, 5_000_000_002L).as("s");
        assertEquals(List.of(5_000_000_000L, 5_000_000_001L, 5_000_000_002L),
                dbc.exec(select(big.value()).from(big).orderBy(big.value())));
        // one series per user, up to the user's age; Carol's NULL age gives none
        FunctionTable<Integer> years = generateSeries(value(1), USER.AGE).as("y");
        assertEquals(List.of(new Tuple2<>("Alice", 30L), new Tuple2<>("Bob", 17L)),
                dbc.exec(select(USER.NAME, count()).from(USER).crossJoin(years).groupBy(USER.NAME).orderBy(USER.NAME)));
    }

    @Test
    void generateSeriesOfTimestampsInstantsAndDates() {
        LocalDateTime start = LocalDateTime.of(2024, 3, 31, 1, 30);
        FunctionTable<LocalDateTime> hours = generateSeries(start, start.plusHours(2), Duration.ofHours(1)).as("h");
        assertEquals(List.of(start, start.plusHours(1), start.plusHours(2)),
                dbc.exec(select(hours.value()).from(hours).orderBy(hours.value())));
        Instant at = Instant.parse("2024-10-27T00:30:00Z");
        FunctionTable<Instant> quarters = generateSeries(at, at.plusSeconds(1800), Duration.ofMinutes(15)).as("q");
        assertEquals(List.of(at, at.plusSeconds(900), at.plusSeconds(1800)),
                dbc.exec(select(quarters.value()).from(quarters).orderBy(quarters.value())));
        LocalDate feb28 = LocalDate.of(2024, 2, 28);
        FunctionTable<LocalDate> days = generateSeries(feb28, LocalDate.of(2024, 3, 1), Duration.ofDays(1)).as("d");
        assertEquals(List.of(feb28, LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)),
                dbc.exec(select(days.value()).from(days).orderBy(days.value())));
    }

    @Test
    void rowValuesCompareItemByItem() {
        assertEquals(List.of("Alice"), dbc.exec(select(USER.NAME).from(USER)
                .where(row(USER.NAME, USER.AGE).in(List.of(row("Alice", 30), row("Bob", 99))))));
        assertEquals(List.of("Alice", "Bob"), dbc.exec(select(USER.NAME).from(USER)
                .where(row(USER.AGE, USER.ID).ge(row(17, 2L))).orderBy(USER.NAME)));
        assertEquals(List.of("Bob"), dbc.exec(select(USER.NAME).from(USER)
                .where(row(USER.ID, USER.NAME).in(select(ORDER.USER_ID, USER.NAME).from(ORDER).join(USER)
                        .on(ORDER.USER_ID.eq(USER.ID)).where(ORDER.TAGS.eq(List.of("rush")))))));
        assertEquals(List.of(), dbc.exec(select(USER.NAME).from(USER)
                .where(row(USER.NAME, USER.AGE).in(List.<dev.belay.dsl.RowValue2<String, Integer>>of()))));
    }

    @Test
    void mergeUpsertsFromValuesAndCountsTheRowsItChanged() {
        ValuesTable3<String, String, Integer> v = values(row("Alicia", "alice@example.org", 31),
                row("Dan", "dan@example.org", 40)).as("v", "name", "email", "age");
        Merge<User> upsert = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()))
                .whenMatched().thenUpdate(USER.NAME, v.v1()).set(USER.AGE, v.v3())
                .whenNotMatched().thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2()).set(USER.AGE, v.v3());
        assertTrue(upsert.modifiesData());
        Rollback.undone(dbc, tx -> {
            assertEquals(2, tx.exec(upsert));
            assertEquals(List.of(new Tuple3<>("alice@example.org", "Alicia", 31), new Tuple3<>("bob@example.org", "Bob", 17),
                            new Tuple3<>("carol@example.org", "Carol", null), new Tuple3<>("dan@example.org", "Dan", 40)),
                    tx.exec(select(USER.EMAIL, USER.NAME, USER.AGE).from(USER).orderBy(USER.EMAIL)));
        });
    }

    @Test
    void mergeRunsItsClausesInTheOrderWritten() {
        ValuesTable2<Long, String> s = values(row(2L, "child"), row(4L, "gone"), row(3L, "leaf2"), row(7L, "new"))
                .as("s", "id", "label");
        Merge<Node> merge = mergeInto(NODE).using(s).on(NODE.ID.eq(s.v1()))
                .whenMatchedAnd(NODE.LABEL.eq(s.v2())).thenDoNothing()
                .whenMatchedAnd(s.v2().eq("gone")).thenDelete()
                .whenMatched().thenUpdate(NODE.LABEL, s.v2())
                .whenNotMatched().thenInsert(NODE.ID, s.v1()).set(NODE.LABEL, s.v2());
        Rollback.undone(dbc, tx -> {
            assertEquals(3, tx.exec(merge), "one delete, one update, one insert; DO NOTHING counts no row");
            assertEquals(List.of(new Node(1L, null, "root"), new Node(2L, 1L, "child"), new Node(3L, 2L, "leaf2"),
                    new Node(7L, null, "new")), tx.exec(select(NODE).orderBy(NODE.ID)));
        });
    }

    @Test
    void mergeFromADerivedTable() {
        DerivedTable<Node> children = select(NODE).where(NODE.PARENT_ID.isNotNull()).asTable("c");
        Merge<Node> archive = mergeInto(NODE_ARCHIVE).using(children).on(NODE_ARCHIVE.ID.eq(children.field(NODE.ID)))
                .whenNotMatched().thenInsert(NODE_ARCHIVE.ID, children.field(NODE.ID))
                .set(NODE_ARCHIVE.PARENT_ID, children.field(NODE.PARENT_ID))
                .set(NODE_ARCHIVE.LABEL, children.field(NODE.LABEL));
        Rollback.undone(dbc, tx -> {
            assertEquals(3, tx.exec(archive));
            assertEquals(0, tx.exec(archive), "a second run finds every row matched and has no MATCHED clause");
            assertEquals(List.of(new Node(2L, 1L, "child"), new Node(3L, 2L, "leaf"), new Node(4L, 1L, "stale")),
                    tx.exec(select(NODE_ARCHIVE).orderBy(NODE_ARCHIVE.ID)));
        });
    }
}
