package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Column;
import dev.belay.dsl.Condition;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Typed expressions: comparisons, IN, pattern matching, arrays, jsonb, arithmetic, casts, aliases,
 * ordering, boolean composition, subqueries and bound values of every kind of Java type.
 */
final class ExpressionGoldens {
    private ExpressionGoldens() {}

    private static final Table<Doc> DOCS = Table.of(Doc.class);
    private static final Column<Doc, UUID> DOC_ID = DOCS.field("id", PgType.UUID);
    private static final Column<Doc, String> DOC_BODY = DOCS.field("body", PgType.JSONB);
    private static final Column<Doc, Boolean> DOC_PUBLIC = DOCS.field("is_public", PgType.BOOL);

    private static final String U = "SELECT \"users\".\"id\" FROM \"users\" WHERE ";
    private static final String O = "SELECT \"orders\".\"id\" FROM \"orders\" WHERE ";
    private static final String D = "SELECT \"docs\".\"id\" FROM \"app\".\"docs\" WHERE ";
    private static final String AGE = "\"users\".\"age\"";
    private static final String NAME = "\"users\".\"name\"";
    private static final String EMAIL = "\"users\".\"email\"";
    private static final String TAGS = "\"orders\".\"tags\"";
    private static final String BODY = "\"docs\".\"body\"";


    private static Golden user(String name, Condition where, String whereSql, Object... params) {
        return Golden.of(name, select(USER.ID).from(USER).where(where), U + whereSql, params);
    }

    private static Golden order(String name, Condition where, String whereSql, Object... params) {
        return Golden.of(name, select(ORDER.ID).from(ORDER).where(where), O + whereSql, params);
    }

    private static Golden doc(String name, Condition where, String whereSql, Object... params) {
        return Golden.of(name, select(DOC_ID).from(DOCS).where(where), D + whereSql, params);
    }

    static List<Golden> cases() {
        List<Golden> all = new ArrayList<>();
        all.addAll(comparisons());
        all.addAll(membership());
        all.addAll(textArraysJson());
        all.addAll(arithmeticAndShape());
        all.addAll(logic());
        all.addAll(valuesAndSubqueries());
        return all;
    }

    private static List<Golden> comparisons() {
        return List.of(
                user("expr eq value", USER.NAME.eq("Alice"), NAME + " = ?", "Alice"),
                order("expr eq field", ORDER.USER_ID.eq(ORDER.ID), "\"orders\".\"user_id\" = \"orders\".\"id\""),
                user("expr ne value", USER.NAME.ne("Bob"), NAME + " <> ?", "Bob"),
                user("expr ne field", USER.NAME.ne(USER.EMAIL), NAME + " <> " + EMAIL),
                user("expr lt value", USER.AGE.lt(18), AGE + " < ?", 18),
                user("expr lt field", USER.EMAIL.lt(USER.NAME), EMAIL + " < " + NAME),
                user("expr le value", USER.AGE.le(65), AGE + " <= ?", 65),
                order("expr le field", ORDER.USER_ID.le(ORDER.ID), "\"orders\".\"user_id\" <= \"orders\".\"id\""),
                user("expr gt value", USER.AGE.gt(21), AGE + " > ?", 21),
                user("expr gt field", USER.CREATED_AT.gt(now()), "\"users\".\"created_at\" > now()"),
                user("expr ge value", USER.AGE.ge(18), AGE + " >= ?", 18),
                user("expr ge field", USER.ID.ge(value(10L)), "\"users\".\"id\" >= ?", 10L),
                user("expr between values", USER.AGE.between(18, 65), AGE + " BETWEEN ? AND ?", 18, 65),
                user("expr between fields", USER.AGE.between(value(1), length(USER.NAME)),
                        AGE + " BETWEEN ? AND length(" + NAME + ")", 1),
                user("expr not between", USER.AGE.notBetween(18, 65), AGE + " NOT BETWEEN ? AND ?", 18, 65),
                user("expr is null", USER.AGE.isNull(), AGE + " IS NULL"),
                user("expr is not null", USER.AGE.isNotNull(), AGE + " IS NOT NULL"),
                user("expr is distinct from value", USER.AGE.isDistinctFrom(30), AGE + " IS DISTINCT FROM ?", 30),
                user("expr is distinct from null", USER.AGE.isDistinctFrom((Integer) null),
                        AGE + " IS DISTINCT FROM ?", (Object) null),
                user("expr is distinct from field", USER.NAME.isDistinctFrom(USER.EMAIL),
                        NAME + " IS DISTINCT FROM " + EMAIL),
                user("expr is not distinct from value", USER.AGE.isNotDistinctFrom(30),
                        AGE + " IS NOT DISTINCT FROM ?", 30),
                user("expr is not distinct from null", USER.AGE.isNotDistinctFrom((Integer) null),
                        AGE + " IS NOT DISTINCT FROM ?", (Object) null),
                user("expr is not distinct from field", USER.NAME.isNotDistinctFrom(USER.EMAIL),
                        NAME + " IS NOT DISTINCT FROM " + EMAIL),
                order("expr enum eq", ORDER.STATUS.eq(Order.Status.PAID), "\"orders\".\"status\" = ?",
                        Order.Status.PAID),
                order("expr enum ne", ORDER.STATUS.ne(Order.Status.NEW), "\"orders\".\"status\" <> ?",
                        Order.Status.NEW),
                order("expr numeric gt", ORDER.TOTAL.gt(new BigDecimal("99.95")), "\"orders\".\"total\" > ?",
                        new BigDecimal("99.95")),
                doc("expr uuid eq", DOC_ID.eq(UUID.fromString("0b7e5a3c-1f2d-4c5b-8a9e-6d7c8b9a0f1e")),
                        "\"docs\".\"id\" = ?", UUID.fromString("0b7e5a3c-1f2d-4c5b-8a9e-6d7c8b9a0f1e")),
                user("expr instant between", USER.CREATED_AT.between(Instant.parse("2024-01-01T00:00:00Z"),
                                Instant.parse("2024-12-31T23:59:59.999999Z")),
                        "\"users\".\"created_at\" BETWEEN ? AND ?", Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-12-31T23:59:59.999999Z")),
                user("expr local date eq", USER.CREATED_AT.cast(PgType.DATE).eq(LocalDate.of(2024, 2, 29)),
                        "CAST(\"users\".\"created_at\" AS date) = ?", LocalDate.of(2024, 2, 29)));
    }

    private static List<Golden> membership() {
        return List.of(
                user("expr in collection", USER.ID.in(List.of(1L, 2L, 3L)), "\"users\".\"id\" = ANY(?)",
                        List.of(1L, 2L, 3L)),
                user("expr in varargs", USER.ID.in(4L, 5L), "\"users\".\"id\" = ANY(?)", List.of(4L, 5L)),
                user("expr in empty collection", USER.ID.in(List.of()), "\"users\".\"id\" = ANY(?)", List.of()),
                user("expr not in collection", USER.AGE.notIn(List.of(1, 2)), AGE + " <> ALL(?)", List.of(1, 2)),
                user("expr not in varargs", USER.NAME.notIn("a", "b"), NAME + " <> ALL(?)", List.of("a", "b")),
                user("expr not in empty collection", USER.NAME.notIn(List.of()), NAME + " <> ALL(?)", List.of()),
                order("expr enum in", ORDER.STATUS.in(Order.Status.NEW, Order.Status.PAID),
                        "\"orders\".\"status\" = ANY(?)", List.of(Order.Status.NEW, Order.Status.PAID)),
                user("expr in subquery",
                        USER.ID.in(select(ORDER.USER_ID).from(ORDER).where(ORDER.STATUS.eq(Order.Status.PAID))),
                        "\"users\".\"id\" IN (SELECT \"orders\".\"user_id\" FROM \"orders\" WHERE "
                                + "\"orders\".\"status\" = ?)", Order.Status.PAID),
                user("expr not in subquery", USER.ID.notIn(select(ORDER.USER_ID).from(ORDER)),
                        "\"users\".\"id\" NOT IN (SELECT \"orders\".\"user_id\" FROM \"orders\")"),
                Golden.of("expr eq any array column",
                        select(ORDER.ID).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                                .where(USER.NAME.eqAny(ORDER.TAGS)),
                        "SELECT \"orders\".\"id\" FROM \"orders\" JOIN \"users\" ON \"orders\".\"user_id\" = "
                                + "\"users\".\"id\" WHERE " + NAME + " = ANY(" + TAGS + ")"));
    }

    private static List<Golden> textArraysJson() {
        return List.of(
                user("expr like", USER.NAME.like("A%"), NAME + " LIKE ?", "A%"),
                user("expr not like", USER.NAME.notLike("%x_"), NAME + " NOT LIKE ?", "%x_"),
                user("expr ilike", USER.EMAIL.ilike("%@EXAMPLE.org"), EMAIL + " ILIKE ?", "%@EXAMPLE.org"),
                user("expr not ilike", USER.EMAIL.notIlike("admin%"), EMAIL + " NOT ILIKE ?", "admin%"),
                user("expr contains text escaped", USER.NAME.contains("50%_\\"), NAME + " LIKE ?", "%50\\%\\_\\\\%"),
                user("expr starts with escaped", USER.NAME.startsWith("A_"), NAME + " LIKE ?", "A\\_%"),
                user("expr ends with escaped", USER.EMAIL.endsWith("@x%.org"), EMAIL + " LIKE ?", "%@x\\%.org"),
                order("expr array contains", ORDER.TAGS.contains(List.of("gift")), TAGS + " @> ?", List.of("gift")),
                order("expr array contained by", ORDER.TAGS.containedBy(List.of("a", "b")), TAGS + " <@ ?",
                        List.of("a", "b")),
                order("expr array overlaps", ORDER.TAGS.overlaps(List.of("a", "b")), TAGS + " && ?",
                        List.of("a", "b")),
                order("expr array overlaps empty", ORDER.TAGS.overlaps(List.of()), TAGS + " && ?", List.of()),
                Golden.of("expr json get key", select(DOC_BODY.jsonGet("author")).from(DOCS),
                        "SELECT " + BODY + " -> ? FROM \"app\".\"docs\"", "author"),
                Golden.of("expr json get index", select(DOC_BODY.jsonGet(0)).from(DOCS),
                        "SELECT " + BODY + " -> ? FROM \"app\".\"docs\"", 0),
                doc("expr json get text", DOC_BODY.jsonGetText("lang").eq("en"), "(" + BODY + " ->> ?) = ?",
                        "lang", "en"),
                doc("expr json path chain", DOC_BODY.jsonGet("author").jsonGetText("name").isNotNull(),
                        "((" + BODY + " -> ?) ->> ?) IS NOT NULL", "author", "name"),
                doc("expr json has key", DOC_BODY.jsonHasKey("draft"), BODY + " ?? ?", "draft"),
                doc("expr json has any key", DOC_BODY.jsonHasAnyKey("a", "b"), BODY + " ??| ?", List.of("a", "b")),
                doc("expr json has all keys", DOC_BODY.jsonHasAllKeys("a", "b"), BODY + " ??& ?", List.of("a", "b")),
                doc("expr json contains", DOC_BODY.contains("{\"lang\": \"en\"}"), BODY + " @> ?",
                        "{\"lang\": \"en\"}"),
                doc("expr json contained by", DOC_BODY.containedBy("{\"lang\": \"en\", \"v\": 1}"), BODY + " <@ ?",
                        "{\"lang\": \"en\", \"v\": 1}"));
    }

    private static List<Golden> arithmeticAndShape() {
        return List.of(
                Golden.of("expr plus value", select(USER.AGE.plus(1)).from(USER),
                        "SELECT " + AGE + " + ? FROM \"users\"", 1),
                Golden.of("expr plus field", select(ORDER.ID.plus(ORDER.USER_ID)).from(ORDER),
                        "SELECT \"orders\".\"id\" + \"orders\".\"user_id\" FROM \"orders\""),
                Golden.of("expr minus value", select(USER.AGE.minus(1)).from(USER),
                        "SELECT " + AGE + " - ? FROM \"users\"", 1),
                Golden.of("expr minus field", select(ORDER.ID.minus(ORDER.USER_ID)).from(ORDER),
                        "SELECT \"orders\".\"id\" - \"orders\".\"user_id\" FROM \"orders\""),
                Golden.of("expr times value", select(ORDER.TOTAL.times(new BigDecimal("1.2"))).from(ORDER),
                        "SELECT \"orders\".\"total\" * ? FROM \"orders\"", new BigDecimal("1.2")),
                Golden.of("expr times field", select(ORDER.TOTAL.times(ORDER.TOTAL)).from(ORDER),
                        "SELECT \"orders\".\"total\" * \"orders\".\"total\" FROM \"orders\""),
                Golden.of("expr div value", select(ORDER.TOTAL.div(new BigDecimal("3"))).from(ORDER),
                        "SELECT \"orders\".\"total\" / ? FROM \"orders\"", new BigDecimal("3")),
                Golden.of("expr div field", select(USER.ID.div(ORDER.ID)).from(USER).join(ORDER)
                                .on(ORDER.USER_ID.eq(USER.ID)),
                        "SELECT \"users\".\"id\" / \"orders\".\"id\" FROM \"users\" JOIN \"orders\" ON "
                                + "\"orders\".\"user_id\" = \"users\".\"id\""),
                Golden.of("expr mod value", select(USER.AGE.mod(10)).from(USER),
                        "SELECT " + AGE + " % ? FROM \"users\"", 10),
                Golden.of("expr mod field", select(ORDER.ID.mod(ORDER.USER_ID)).from(ORDER),
                        "SELECT \"orders\".\"id\" % \"orders\".\"user_id\" FROM \"orders\""),
                Golden.of("expr nested arithmetic", select(USER.AGE.plus(1).times(USER.AGE.minus(2)).div(3)).from(USER),
                        "SELECT ((" + AGE + " + ?) * (" + AGE + " - ?)) / ? FROM \"users\"", 1, 2, 3),
                user("expr arithmetic compared", USER.AGE.plus(1).gt(18), "(" + AGE + " + ?) > ?", 1, 18),
                Golden.of("expr concat text value", select(USER.NAME.concat("!")).from(USER),
                        "SELECT " + NAME + " || ? FROM \"users\"", "!"),
                Golden.of("expr concat text chain", select(USER.NAME.concat(" <").concat(USER.EMAIL).concat(">"))
                                .from(USER),
                        "SELECT ((" + NAME + " || ?) || " + EMAIL + ") || ? FROM \"users\"", " <", ">"),
                Golden.of("expr concat array value", select(ORDER.TAGS.concat(List.of("x", "y"))).from(ORDER),
                        "SELECT " + TAGS + " || ? FROM \"orders\"", List.of("x", "y")),
                Golden.of("expr concat array field", select(ORDER.TAGS.concat(ORDER.TAGS)).from(ORDER),
                        "SELECT " + TAGS + " || " + TAGS + " FROM \"orders\""),
                Golden.of("expr cast int8", select(USER.AGE.cast(PgType.INT8)).from(USER),
                        "SELECT CAST(" + AGE + " AS int8) FROM \"users\""),
                user("expr cast text", USER.ID.cast(PgType.TEXT).like("1%"),
                        "CAST(\"users\".\"id\" AS text) LIKE ?", "1%"),
                Golden.of("expr alias", select(USER.AGE.plus(1).as("next_age"), USER.NAME.as("n")).from(USER),
                        "SELECT " + AGE + " + ? AS \"next_age\", " + NAME + " AS \"n\" FROM \"users\"", 1),
                Golden.of("expr alias replaced and quoted", select(USER.NAME.as("a").as("we\"ird")).from(USER),
                        "SELECT " + NAME + " AS \"we\"\"ird\" FROM \"users\""),
                user("expr alias dropped outside select list", USER.NAME.as("n").eq("x"), NAME + " = ?", "x"),
                Golden.of("expr order by directions and nulls", select(USER.ID).from(USER).orderBy(
                                USER.AGE.asc().nullsFirst(), USER.NAME.desc().nullsLast(), USER.EMAIL.desc(),
                                USER.CREATED_AT.asc().nullsLast(), USER.ID),
                        "SELECT \"users\".\"id\" FROM \"users\" ORDER BY " + AGE + " ASC NULLS FIRST, " + NAME
                                + " DESC NULLS LAST, " + EMAIL + " DESC, \"users\".\"created_at\" ASC NULLS LAST, "
                                + "\"users\".\"id\" ASC"),
                Golden.of("expr order by expression", select(USER.ID).from(USER)
                                .orderBy(USER.AGE.plus(1).desc().nullsFirst()),
                        "SELECT \"users\".\"id\" FROM \"users\" ORDER BY (" + AGE + " + ?) DESC NULLS FIRST", 1));
    }

    private static List<Golden> logic() {
        Condition adult = USER.AGE.ge(18);
        Condition alice = USER.NAME.eq("Alice");
        Condition bob = USER.NAME.eq("Bob");
        String a = "(" + AGE + " >= ?)";
        String n = "(" + NAME + " = ?)";
        return List.of(
                user("logic and", adult.and(alice), a + " AND " + n, 18, "Alice"),
                user("logic or", alice.or(bob), n + " OR " + n, "Alice", "Bob"),
                user("logic not", adult.not(), "NOT " + a, 18),
                user("logic not of and", not(adult.and(alice)), "NOT (" + a + " AND " + n + ")", 18, "Alice"),
                user("logic and flattened", adult.and(alice).and(USER.EMAIL.isNotNull()),
                        a + " AND " + n + " AND (" + EMAIL + " IS NOT NULL)", 18, "Alice"),
                user("logic static and flattened", and(adult, and(alice, bob)), a + " AND " + n + " AND " + n,
                        18, "Alice", "Bob"),
                user("logic or flattened", or(alice, or(bob, USER.NAME.eq("Carol"))), n + " OR " + n + " OR " + n,
                        "Alice", "Bob", "Carol"),
                user("logic or inside and", adult.and(alice.or(bob)), a + " AND (" + n + " OR " + n + ")",
                        18, "Alice", "Bob"),
                user("logic and inside or", or(adult.and(alice), bob), "(" + a + " AND " + n + ") OR " + n,
                        18, "Alice", "Bob"),
                user("logic and of one", and(adult), AGE + " >= ?", 18),
                user("logic and of nothing", and(), "TRUE"),
                user("logic or of nothing", or(), "FALSE"),
                user("logic true condition", trueCondition(), "TRUE"),
                user("logic false condition", falseCondition(), "FALSE"),
                user("logic true and condition", trueCondition().and(adult), "TRUE AND " + a, 18),
                doc("logic boolean field", condition(DOC_PUBLIC), "\"docs\".\"is_public\""),
                doc("logic boolean field negated", condition(DOC_PUBLIC).not(), "NOT \"docs\".\"is_public\""),
                doc("logic boolean field and", condition(DOC_PUBLIC).and(DOC_BODY.jsonHasKey("a")),
                        "\"docs\".\"is_public\" AND (" + BODY + " ?? ?)", "a"),
                doc("logic boolean eq", DOC_PUBLIC.eq(false), "\"docs\".\"is_public\" = ?", false));
    }

    private static List<Golden> valuesAndSubqueries() {
        String orderOfUser = "SELECT \"orders\".\"id\" FROM \"orders\" WHERE \"orders\".\"user_id\" = \"users\".\"id\"";
        return List.of(
                user("subquery exists", exists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))),
                        "EXISTS (" + orderOfUser + ")"),
                user("subquery not exists", notExists(select(ORDER.ID).from(ORDER).where(ORDER.USER_ID.eq(USER.ID))),
                        "NOT EXISTS (" + orderOfUser + ")"),
                user("subquery exists negated", exists(select(ORDER.ID).from(ORDER)
                                .where(ORDER.USER_ID.eq(USER.ID))).not().or(USER.AGE.isNull()),
                        "(NOT (EXISTS (" + orderOfUser + "))) OR (" + AGE + " IS NULL)"),
                user("subquery scalar in where", USER.AGE.eq(field(select(max(USER.AGE)).from(USER))),
                        AGE + " = (SELECT max(" + AGE + ") FROM \"users\")"),
                Golden.of("subquery scalar in select list",
                        select(USER.ID, field(select(count()).from(ORDER).where(ORDER.USER_ID.eq(USER.ID)))).from(USER),
                        "SELECT \"users\".\"id\", (SELECT count(*) FROM \"orders\" WHERE \"orders\".\"user_id\" = "
                                + "\"users\".\"id\") FROM \"users\""),
                Golden.of("value in select list", select(value(5), value("x"), value(null, PgType.TEXT)),
                        "SELECT ?, ?, ?", 5, "x", null),
                user("value compared", USER.AGE.lt(value(30)), AGE + " < ?", 30),
                user("value typed null", USER.AGE.isDistinctFrom(value(null, PgType.INT4)),
                        AGE + " IS DISTINCT FROM ?", (Object) null),
                order("value instant", ORDER.CREATED_AT.ge(value(Instant.parse("2024-05-06T07:08:09Z"))),
                        "\"orders\".\"created_at\" >= ?", Instant.parse("2024-05-06T07:08:09Z")),
                order("value local date", ORDER.CREATED_AT.cast(PgType.DATE).lt(value(LocalDate.of(2025, 1, 1))),
                        "CAST(\"orders\".\"created_at\" AS date) < ?", LocalDate.of(2025, 1, 1)),
                doc("value uuid", DOC_ID.ne(value(UUID.fromString("00000000-0000-0000-0000-000000000001"))),
                        "\"docs\".\"id\" <> ?", UUID.fromString("00000000-0000-0000-0000-000000000001")),
                order("value enum typed", ORDER.STATUS.eq(value(Order.Status.SHIPPED,
                                OrderTable.STATUS_TYPE)),
                        "\"orders\".\"status\" = ?", Order.Status.SHIPPED));
    }
}
