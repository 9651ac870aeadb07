package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.FunctionTable;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.ValuesTable2;
import dev.belay.dsl.ValuesTable3;
import dev.belay.dsl.ValuesTable4;
import dev.belay.dsl.ValuesTable5;
import dev.belay.dsl.ValuesTable6;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** VALUES lists and set-returning functions as FROM items, row-value comparisons, MERGE. */
final class FromItemGoldens {
    private FromItemGoldens() {}

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(valuesLists());
        all.addAll(functions());
        all.addAll(rowValues());
        all.addAll(widerRows());
        all.addAll(merge());
        return all;
    }

    private static final String VALUES_NAME_N =
            "(VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS \"v\"(\"name\", \"n\")";

    private static List<Golden> valuesLists() {
        ValuesTable2<String, Integer> v = values(row("a", 1), row("b", 2)).as("v", "name", "n");
        ValuesTable2<String, Integer> ages = values(row("thirty", 30), row("seventeen", 17)).as("v", "name", "n");
        ValuesTable3<String, Integer, Long> three = values(row("x", 1, 10L)).as("t", "s", "i", "l");
        ValuesTable2<Long, String> fields = values(row(value(1L), value("one")), row(value(2L), lower(value("TWO"))))
                .as("f", "id", "label");
        ValuesTable2<String, String> pairs = values(row(value("name"), USER.NAME), row(value("email"), USER.EMAIL))
                .as("kv", "k", "v").lateral();
        return List.of(
                Golden.of("values in from", select(v.v1(), v.v2()).from(v),
                        "SELECT \"v\".\"name\", \"v\".\"n\" FROM " + VALUES_NAME_N, "a", 1, "b", 2).rows(2),
                Golden.of("values joined to an int4 column", select(USER.NAME, ages.v1()).from(USER).join(ages)
                                .on(USER.AGE.eq(ages.v2())),
                        "SELECT \"users\".\"name\", \"v\".\"name\" FROM \"users\" JOIN " + VALUES_NAME_N
                                + " ON \"users\".\"age\" = \"v\".\"n\"", "thirty", 30, "seventeen", 17).rows(2),
                Golden.of("values of three columns", select(three.v1(), three.v2(), three.v3()).from(three),
                        "SELECT \"t\".\"s\", \"t\".\"i\", \"t\".\"l\" FROM (VALUES (CAST(? AS text), CAST(? AS int4), "
                                + "CAST(? AS int8))) AS \"t\"(\"s\", \"i\", \"l\")", "x", 1, 10L).rows(1),
                Golden.of("values rows of fields", select(fields.v1(), fields.v2()).from(fields),
                        "SELECT \"f\".\"id\", \"f\".\"label\" FROM (VALUES (CAST(? AS int8), CAST(? AS text)), "
                                + "(?, lower(?))) AS \"f\"(\"id\", \"label\")", 1L, "one", 2L, "TWO").rows(2),
                Golden.of("lateral values of columns", select(USER.ID, pairs.v1(), pairs.v2()).from(USER).crossJoin(pairs),
                        "SELECT \"users\".\"id\", \"kv\".\"k\", \"kv\".\"v\" FROM \"users\" CROSS JOIN LATERAL (VALUES "
                                + "(CAST(? AS text), \"users\".\"name\"), (?, \"users\".\"email\")) AS \"kv\"(\"k\", \"v\")",
                        "name", "email").rows(6));
    }

    private static List<Golden> functions() {
        FunctionTable<Integer> u = unnest(List.of(3, 1, 2)).as("u");
        FunctionTable<String> tags = unnest(List.of("x", "y")).withOrdinality().as("u", "tag", "n");
        FunctionTable<String> orderTags = unnest(ORDER.TAGS).withOrdinality().as("t");
        FunctionTable<Integer> s = generateSeries(1, 10).as("s");
        FunctionTable<Integer> down = generateSeries(10, 0, -5).as("s", "n");
        FunctionTable<Long> longs = generateSeries(1L, 3L).as("s");
        FunctionTable<Integer> ages = generateSeries(value(1), USER.AGE).as("a");
        LocalDateTime start = LocalDateTime.of(2024, 3, 30, 22, 0);
        FunctionTable<LocalDateTime> hours = generateSeries(start, start.plusHours(2), Duration.ofHours(1)).as("h");
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        FunctionTable<Instant> quarters = generateSeries(at, at.plusSeconds(1800), Duration.ofMinutes(15)).as("q");
        LocalDate day = LocalDate.of(2024, 3, 30);
        FunctionTable<LocalDate> days = generateSeries(day, day.plusDays(2), Duration.ofDays(1)).as("d");
        return List.of(
                Golden.of("unnest a list", select(u.value()).from(u),
                        "SELECT \"u\".\"value\" FROM unnest(CAST(? AS int4[])) AS \"u\"(\"value\")", List.of(3, 1, 2))
                        .rows(3),
                Golden.of("unnest with ordinality", select(tags.value(), tags.ordinality()).from(tags)
                                .orderBy(tags.ordinality().desc()),
                        "SELECT \"u\".\"tag\", \"u\".\"n\" FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS "
                                + "\"u\"(\"tag\", \"n\") ORDER BY \"u\".\"n\" DESC", List.of("x", "y")).rows(2),
                Golden.of("unnest a column of an earlier table", select(ORDER.ID, orderTags.value(), orderTags.ordinality())
                                .from(ORDER).crossJoin(orderTags),
                        "SELECT \"orders\".\"id\", \"t\".\"value\", \"t\".\"ordinality\" FROM \"orders\" CROSS JOIN "
                                + "unnest(\"orders\".\"tags\") WITH ORDINALITY AS \"t\"(\"value\", \"ordinality\")").rows(3),
                Golden.of("generate series of int4", select(s.value()).from(s),
                        "SELECT \"s\".\"value\" FROM generate_series(CAST(? AS int4), CAST(? AS int4)) AS \"s\"(\"value\")",
                        1, 10).rows(10),
                Golden.of("generate series with a step", select(down.value()).from(down),
                        "SELECT \"s\".\"n\" FROM generate_series(CAST(? AS int4), CAST(? AS int4), CAST(? AS int4)) "
                                + "AS \"s\"(\"n\")", 10, 0, -5).rows(3),
                Golden.of("generate series of int8", select(longs.value()).from(longs),
                        "SELECT \"s\".\"value\" FROM generate_series(CAST(? AS int8), CAST(? AS int8)) AS \"s\"(\"value\")",
                        1L, 3L).rows(3),
                Golden.of("generate series up to a column", select(USER.NAME, ages.value()).from(USER).crossJoin(ages),
                        "SELECT \"users\".\"name\", \"a\".\"value\" FROM \"users\" CROSS JOIN generate_series(CAST(? AS int4), "
                                + "\"users\".\"age\") AS \"a\"(\"value\")", 1).rows(47),
                Golden.of("generate series of timestamps", select(hours.value()).from(hours),
                        "SELECT \"h\".\"value\" FROM generate_series(CAST(? AS timestamp), CAST(? AS timestamp), "
                                + "CAST(? AS interval)) AS \"h\"(\"value\")", start, start.plusHours(2), Duration.ofHours(1))
                        .rows(3),
                Golden.of("generate series of instants", select(quarters.value()).from(quarters),
                        "SELECT \"q\".\"value\" FROM generate_series(CAST(? AS timestamptz), CAST(? AS timestamptz), "
                                + "CAST(? AS interval)) AS \"q\"(\"value\")", at, at.plusSeconds(1800), Duration.ofMinutes(15))
                        .rows(3),
                Golden.of("generate series of dates", select(days.value()).from(days),
                        "SELECT CAST(\"d\".\"value\" AS date) FROM generate_series(CAST(? AS timestamp), "
                                + "CAST(? AS timestamp), CAST(? AS interval)) AS \"d\"(\"value\")", day, day.plusDays(2),
                        Duration.ofDays(1)).rows(3));
    }

    private static final String NAME_AGE = "(\"users\".\"name\", \"users\".\"age\")";

    private static List<Golden> rowValues() {
        return List.of(
                Golden.of("row equals row", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE).eq(row("Alice", 30))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " = (?, ?)", "Alice", 30).rows(1),
                Golden.of("row not equal", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE).ne(row("Alice", 30))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " <> (?, ?)", "Alice", 30).rows(2),
                Golden.of("row greater than row", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE).gt(row("Alice", 30))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " > (?, ?)", "Alice", 30).rows(2),
                Golden.of("row less or equal", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE).le(row("Bob", 17))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " <= (?, ?)", "Bob", 17).rows(2),
                Golden.of("row in subquery", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE)
                                .in(select(USER.NAME, USER.AGE).from(USER).where(USER.AGE.ge(18)))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " IN (SELECT \"users\".\"name\", "
                                + "\"users\".\"age\" FROM \"users\" WHERE \"users\".\"age\" >= ?)", 18).rows(1),
                Golden.of("row in list", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE)
                                .in(List.of(row("Alice", 30), row("Bob", 17), row("Zed", 1)))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + NAME_AGE + " IN ((?, ?), (?, ?), (?, ?))",
                        "Alice", 30, "Bob", 17, "Zed", 1).rows(2),
                Golden.of("row in empty list", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE)
                                .in(List.<dev.belay.dsl.RowValue2<String, Integer>>of())),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE FALSE").rows(0),
                Golden.of("row of three", select(USER.ID).from(USER).where(row(USER.NAME, USER.AGE, USER.ID)
                                .ge(row("Bob", 17, 2L))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"name\", \"users\".\"age\", \"users\".\"id\") "
                                + ">= (?, ?, ?)", "Bob", 17, 2L).rows(2));
    }

    private static final String USER_4 = "(\"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\")";

    /** Rows and VALUES lists of four to six items, typed like those of two and three. */
    private static List<Golden> widerRows() {
        ValuesTable4<String, Integer, Long, Boolean> four = values(row("x", 1, 10L, true), row("y", 2, 20L, false))
                .as("q", "s", "i", "l", "b");
        ValuesTable5<Integer, Integer, Integer, Integer, Integer> five = values(row(1, 2, 3, 4, 5)).as("f", "a", "b",
                "c", "d", "e");
        ValuesTable6<Long, String, String, Integer, Boolean, String> six = values(
                row(1L, "Alice", "alice@example.org", 30, true, "a"),
                row(2L, "Bob", "bob@example.org", 17, false, "b")).as("w", "id", "name", "email", "age", "ok", "tag");
        return List.of(
                Golden.of("values of four columns", select(four.v1(), four.v2(), four.v3(), four.v4()).from(four),
                        "SELECT \"q\".\"s\", \"q\".\"i\", \"q\".\"l\", \"q\".\"b\" FROM (VALUES (CAST(? AS text), "
                                + "CAST(? AS int4), CAST(? AS int8), CAST(? AS bool)), (?, ?, ?, ?)) AS \"q\"(\"s\", \"i\", "
                                + "\"l\", \"b\")", "x", 1, 10L, true, "y", 2, 20L, false).rows(2),
                Golden.of("values of five columns", select(five.v5()).from(five),
                        "SELECT \"f\".\"e\" FROM (VALUES (CAST(? AS int4), CAST(? AS int4), CAST(? AS int4), "
                                + "CAST(? AS int4), CAST(? AS int4))) AS \"f\"(\"a\", \"b\", \"c\", \"d\", \"e\")",
                        1, 2, 3, 4, 5).rows(1),
                Golden.of("values of six columns joined on a row of four", select(USER.NAME, six.v6()).from(USER)
                                .join(six).on(row(USER.ID, USER.NAME, USER.EMAIL, USER.AGE)
                                        .eq(row(six.v1(), six.v2(), six.v3(), six.v4()))),
                        "SELECT \"users\".\"name\", \"w\".\"tag\" FROM \"users\" JOIN (VALUES (CAST(? AS int8), "
                                + "CAST(? AS text), CAST(? AS text), CAST(? AS int4), CAST(? AS bool), CAST(? AS text)), "
                                + "(?, ?, ?, ?, ?, ?)) AS \"w\"(\"id\", \"name\", \"email\", \"age\", \"ok\", \"tag\") ON "
                                + USER_4 + " = (\"w\".\"id\", \"w\".\"name\", \"w\".\"email\", \"w\".\"age\")",
                        1L, "Alice", "alice@example.org", 30, true, "a", 2L, "Bob", "bob@example.org", 17, false, "b")
                        .rows(2),
                Golden.of("row of four in list", select(USER.ID).from(USER).where(row(USER.ID, USER.NAME, USER.EMAIL,
                                USER.AGE).in(List.of(row(1L, "Alice", "alice@example.org", 30),
                                row(2L, "Bob", "bob@example.org", 18)))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE " + USER_4 + " IN ((?, ?, ?, ?), (?, ?, ?, ?))",
                        1L, "Alice", "alice@example.org", 30, 2L, "Bob", "bob@example.org", 18).rows(1),
                Golden.of("row of five in subquery", select(USER.ID).from(USER).where(row(USER.ID, USER.NAME,
                                USER.EMAIL, USER.AGE, USER.CREATED_AT).in(select(USER.ID, USER.NAME, USER.EMAIL, USER.AGE,
                                USER.CREATED_AT).from(USER).where(USER.AGE.ge(18)))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"id\", \"users\".\"name\", "
                                + "\"users\".\"email\", \"users\".\"age\", \"users\".\"created_at\") IN (SELECT "
                                + "\"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
                                + "\"users\".\"created_at\" FROM \"users\" WHERE \"users\".\"age\" >= ?)", 18).rows(1),
                Golden.of("row of six less than row", select(USER.ID).from(USER).where(row(USER.ID, USER.NAME,
                                USER.EMAIL, USER.ID, USER.NAME, USER.EMAIL)
                                .lt(row(2L, "Bob", "bob@example.org", 2L, "Bob", "bob@example.org"))),
                        "SELECT \"users\".\"id\" FROM \"users\" WHERE (\"users\".\"id\", \"users\".\"name\", "
                                + "\"users\".\"email\", \"users\".\"id\", \"users\".\"name\", \"users\".\"email\") < "
                                + "(?, ?, ?, ?, ?, ?)", 2L, "Bob", "bob@example.org", 2L, "Bob", "bob@example.org").rows(1));
    }

    private static List<Golden> merge() {
        ValuesTable2<String, String> v = values(row("Alicia", "alice@example.org"), row("Dan", "dan@example.org"))
                .as("v", "name", "email");
        String usingV = "MERGE INTO \"users\" USING (VALUES (CAST(? AS text), CAST(? AS text)), (?, ?)) AS "
                + "\"v\"(\"name\", \"email\") ON \"users\".\"email\" = \"v\".\"email\"";
        DerivedTable<Tuple2<Long, Integer>> minors = select(USER.ID, USER.AGE).from(USER).asTable("m");
        ValuesTable2<Long, String> stale = values(row(4L, "stale"), row(9L, "none")).as("s", "id", "label");
        return List.of(
                Golden.of("merge upsert from values", mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()))
                                .whenMatched().thenUpdate(USER.NAME, v.v1())
                                .whenNotMatched().thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2()),
                        usingV
                                + " WHEN MATCHED THEN UPDATE SET \"name\" = \"v\".\"name\" WHEN NOT MATCHED THEN "
                                + "INSERT (\"name\", \"email\") VALUES (\"v\".\"name\", \"v\".\"email\")",
                        "Alicia", "alice@example.org", "Dan", "dan@example.org").rows(2),
                Golden.of("merge from a table", mergeInto(NODE_ARCHIVE).using(NODE).on(NODE_ARCHIVE.ID.eq(NODE.ID))
                                .whenMatched().thenDoNothing()
                                .whenNotMatched().thenInsert(NODE_ARCHIVE.ID, NODE.ID)
                                .set(NODE_ARCHIVE.PARENT_ID, NODE.PARENT_ID).set(NODE_ARCHIVE.LABEL, NODE.LABEL),
                        "MERGE INTO \"node_archive\" USING \"nodes\" ON \"node_archive\".\"id\" = \"nodes\".\"id\" "
                                + "WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN INSERT (\"id\", \"parent_id\", "
                                + "\"label\") VALUES (\"nodes\".\"id\", \"nodes\".\"parent_id\", \"nodes\".\"label\")").rows(4),
                Golden.of("merge from a derived table", mergeInto(USER).using(minors)
                                .on(USER.ID.eq(minors.field(USER.ID)))
                                .whenMatchedAnd(minors.field(USER.AGE).lt(18)).thenUpdate(USER.AGE, 18)
                                .whenMatched().thenDoNothing(),
                        "MERGE INTO \"users\" USING (SELECT \"users\".\"id\", \"users\".\"age\" FROM \"users\") AS \"m\" "
                                + "ON \"users\".\"id\" = \"m\".\"id\" WHEN MATCHED AND \"m\".\"age\" < ? THEN UPDATE SET "
                                + "\"age\" = ? WHEN MATCHED THEN DO NOTHING", 18, 18).rows(1),
                Golden.of("merge deletes a matched row", mergeInto(NODE).using(stale).on(NODE.ID.eq(stale.v1()))
                                .whenMatchedAnd(NODE.LABEL.eq(stale.v2())).thenDelete()
                                .whenNotMatched().thenDoNothing(),
                        "MERGE INTO \"nodes\" USING (VALUES (CAST(? AS int8), CAST(? AS text)), (?, ?)) AS \"s\"(\"id\", "
                                + "\"label\") ON \"nodes\".\"id\" = \"s\".\"id\" WHEN MATCHED AND \"nodes\".\"label\" = "
                                + "\"s\".\"label\" THEN DELETE WHEN NOT MATCHED THEN DO NOTHING", 4L, "stale", 9L, "none")
                        .rows(1));
    }
}
