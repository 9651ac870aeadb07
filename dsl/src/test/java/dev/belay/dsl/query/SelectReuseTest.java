package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertRenders;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.DerivedTable;
import dev.belay.dsl.JoinStep;
import dev.belay.dsl.Param;
import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import org.junit.jupiter.api.Test;

/** Every builder method leaves its receiver untouched: a base query branched two ways keeps its own SQL. */
final class SelectReuseTest {
    private static final String NAMES = "SELECT \"users\".\"name\" FROM \"users\"";
    private static final String BY_USER = "\"orders\".\"user_id\" = \"users\".\"id\"";

    private static Select<String> names() {
        return select(USER.NAME).from(USER);
    }

    private static Select<Tuple2<String, Long>> perName() {
        return select(USER.NAME, count()).from(USER).groupBy(USER.NAME);
    }

    @Test
    void from() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES), base.from(NODE), expect(NAMES + ", \"nodes\""),
                base.from(ORDER, NODE), expect(NAMES + ", \"orders\", \"nodes\""));
    }

    @Test
    void join() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES),
                base.join(ORDER).on(ORDER.USER_ID.eq(USER.ID)), expect(NAMES + " JOIN \"orders\" ON " + BY_USER),
                base.join(NODE).on(NODE.LABEL.eq(USER.NAME)),
                expect(NAMES + " JOIN \"nodes\" ON \"nodes\".\"label\" = \"users\".\"name\""));
    }

    @Test
    void oneJoinStepTakesTwoConditions() {
        Select<String> base = names();
        JoinStep<String> step = base.leftJoin(ORDER);
        assertBranches(base, expect(NAMES),
                step.on(ORDER.USER_ID.eq(USER.ID)), expect(NAMES + " LEFT JOIN \"orders\" ON " + BY_USER),
                step.on(trueCondition()), expect(NAMES + " LEFT JOIN \"orders\" ON TRUE"));
    }

    @Test
    void leftAndRightJoin() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES),
                base.leftJoin(ORDER).on(ORDER.USER_ID.eq(USER.ID)), expect(NAMES + " LEFT JOIN \"orders\" ON " + BY_USER),
                base.rightJoin(ORDER).on(ORDER.USER_ID.eq(USER.ID)), expect(NAMES + " RIGHT JOIN \"orders\" ON " + BY_USER));
    }

    @Test
    void fullAndCrossJoin() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES),
                base.fullJoin(ORDER).on(ORDER.USER_ID.eq(USER.ID)), expect(NAMES + " FULL JOIN \"orders\" ON " + BY_USER),
                base.crossJoin(NODE), expect(NAMES + " CROSS JOIN \"nodes\""));
    }

    @Test
    void where() {
        Select<String> base = names().where(USER.AGE.ge(18));
        String w = NAMES + " WHERE ";
        assertBranches(base, expect(w + "\"users\".\"age\" >= ?", 18),
                base.where(USER.NAME.eq("a")), expect(w + "(\"users\".\"age\" >= ?) AND (\"users\".\"name\" = ?)", 18, "a"),
                base.where(USER.EMAIL.isNull()), expect(w + "(\"users\".\"age\" >= ?) AND (\"users\".\"email\" IS NULL)", 18));
    }

    @Test
    void groupBy() {
        Select<Tuple2<String, Long>> base = perName();
        String s = "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\"";
        assertBranches(base, expect(s), base.groupBy(USER.AGE), expect(s + ", \"users\".\"age\""),
                base.groupBy(USER.EMAIL, USER.ID), expect(s + ", \"users\".\"email\", \"users\".\"id\""));
    }

    @Test
    void having() {
        Select<Tuple2<String, Long>> base = perName().having(count().gt(1L));
        String s = "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\" HAVING ";
        assertBranches(base, expect(s + "count(*) > ?", 1L),
                base.having(count().lt(5L)), expect(s + "(count(*) > ?) AND (count(*) < ?)", 1L, 5L),
                base.having(max(USER.AGE).ge(30)), expect(s + "(count(*) > ?) AND (max(\"users\".\"age\") >= ?)", 1L, 30));
    }

    @Test
    void orderBy() {
        Select<String> base = names().orderBy(USER.NAME);
        assertBranches(base, expect(NAMES + " ORDER BY \"users\".\"name\" ASC"),
                base.orderBy(USER.AGE.desc().nullsLast()), expect(NAMES + " ORDER BY \"users\".\"age\" DESC NULLS LAST"),
                base.orderBy(USER.ID.desc(), USER.NAME), expect(NAMES + " ORDER BY \"users\".\"id\" DESC, \"users\".\"name\" ASC"));
    }

    @Test
    void limit() {
        Param<Long> size = param("size", Long.class);
        Select<String> base = names().limit(10);
        assertBranches(base, expect(NAMES + " LIMIT ?", 10L), base.limit(1), expect(NAMES + " LIMIT ?", 1L),
                base.limit(size).bind(size, 3L), expect(NAMES + " LIMIT ?", 3L));
    }

    @Test
    void offset() {
        Param<Long> skip = param("skip", Long.class);
        Select<String> base = names().limit(10);
        assertBranches(base, expect(NAMES + " LIMIT ?", 10L), base.offset(20), expect(NAMES + " LIMIT ? OFFSET ?", 10L, 20L),
                base.offset(skip).bind(skip, 30L), expect(NAMES + " LIMIT ? OFFSET ?", 10L, 30L));
    }

    @Test
    void seek() {
        Select<String> base = names().orderBy(USER.NAME, USER.ID);
        String order = " ORDER BY \"users\".\"name\" ASC, \"users\".\"id\" ASC";
        String seek = NAMES + " WHERE (\"users\".\"name\", \"users\".\"id\") > (?, ?)" + order;
        assertBranches(base, expect(NAMES + order), base.seek("a", 1L), expect(seek, "a", 1L),
                base.seek("b", 2L), expect(seek, "b", 2L));
    }

    @Test
    void distinctAndDistinctOn() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES),
                base.distinct(), expect("SELECT DISTINCT \"users\".\"name\" FROM \"users\""),
                base.distinctOn(USER.NAME), expect("SELECT DISTINCT ON (\"users\".\"name\") \"users\".\"name\" FROM \"users\""));
    }

    @Test
    void lockStrengths() {
        Select<String> base = names();
        assertBranches(base, expect(NAMES), base.forUpdate(), expect(NAMES + " FOR UPDATE"),
                base.forShare(), expect(NAMES + " FOR SHARE"));
        assertBranches(base, expect(NAMES), base.forNoKeyUpdate(), expect(NAMES + " FOR NO KEY UPDATE"),
                base.forKeyShare(), expect(NAMES + " FOR KEY SHARE"));
    }

    @Test
    void lockRefinements() {
        Select<String> base = names().forUpdate();
        assertBranches(base, expect(NAMES + " FOR UPDATE"),
                base.skipLocked(), expect(NAMES + " FOR UPDATE SKIP LOCKED"),
                base.of(USER).noWait(), expect(NAMES + " FOR UPDATE OF \"users\" NOWAIT"));
    }

    @Test
    void unionAndUnionAll() {
        Select<String> base = names().where(USER.AGE.lt(18));
        Select<String> other = select(NODE.LABEL).from(NODE);
        String b = "SELECT \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" < ?";
        String o = "(SELECT \"nodes\".\"label\" FROM \"nodes\")";
        assertBranches(base, expect(b, 18), base.union(other), expect("(" + b + ") UNION " + o, 18),
                base.unionAll(other), expect("(" + b + ") UNION ALL " + o, 18));
    }

    @Test
    void intersectAndExcept() {
        Select<String> base = names();
        Select<String> other = select(NODE.LABEL).from(NODE);
        String o = "(SELECT \"nodes\".\"label\" FROM \"nodes\")";
        assertBranches(base, expect(NAMES), base.intersect(other), expect("(" + NAMES + ") INTERSECT " + o),
                base.except(other), expect("(" + NAMES + ") EXCEPT " + o));
    }

    @Test
    void setOperationTail() {
        Select<String> base = names().union(select(NODE.LABEL).from(NODE));
        String u = "(" + NAMES + ") UNION (SELECT \"nodes\".\"label\" FROM \"nodes\")";
        assertBranches(base, expect(u), base.orderBy(USER.NAME.desc()).limit(3), expect(u + " ORDER BY \"name\" DESC LIMIT ?", 3L),
                base.offset(2), expect(u + " OFFSET ?", 2L));
    }

    record Named(String name) {}

    record Labelled(String label) {}

    @Test
    void into() {
        Select<String> base = names();
        Select<Named> a = base.into(Named.class);
        Select<Labelled> b = base.into(Labelled.class);
        assertBranches(base, expect(NAMES), a, expect(NAMES), b, expect(NAMES));
        assertEquals(String.class, base.resultType());
        assertEquals(Named.class, a.resultType());
        assertEquals(Labelled.class, b.resultType());
    }

    @Test
    void asTable() {
        Select<String> base = names();
        DerivedTable<String> a = base.asTable("a");
        DerivedTable<String> b = base.asTable("b");
        DerivedTable<String> lateralA = lateral(a);
        assertBranches(base, expect(NAMES),
                select(a.field(USER.NAME)).from(a), expect("SELECT \"a\".\"name\" FROM (" + NAMES + ") AS \"a\""),
                select(NODE.LABEL).from(NODE).crossJoin(lateralA).crossJoin(b),
                expect("SELECT \"nodes\".\"label\" FROM \"nodes\" CROSS JOIN LATERAL (" + NAMES + ") AS \"a\" CROSS JOIN ("
                        + NAMES + ") AS \"b\""));
        // lateral() made a copy: the derived table it was given is still plain.
        assertRenders(expect("SELECT \"nodes\".\"label\" FROM \"nodes\" CROSS JOIN (" + NAMES + ") AS \"a\""),
                select(NODE.LABEL).from(NODE).crossJoin(a));
    }

    @Test
    void bind() {
        Param<String> name = param("name", String.class);
        Select<String> base = names().where(USER.NAME.eq(name));
        Select<String> a = base.bind(name, "a");
        Select<String> b = base.bind(name, "b");
        Select<String> rebound = a.bind(name, "c");
        String s = NAMES + " WHERE \"users\".\"name\" = ?";
        assertRenders(expect(s, "a"), a);
        assertRenders(expect(s, "b"), b);
        assertRenders(expect(s, "c"), rebound);
        assertRenders(expect(s, "a"), a);
        assertThrows(IllegalStateException.class, base::render, "the base is still unbound");
        assertSame(a.render().sql(), b.render().sql());
    }

    @Test
    void buildingOnABoundQueryKeepsItsValues() {
        Param<String> name = param("name", String.class);
        Select<String> base = names().where(USER.NAME.eq(name)).bind(name, "a");
        String s = NAMES + " WHERE \"users\".\"name\" = ?";
        assertBranches(base, expect(s, "a"),
                base.where(USER.AGE.gt(1)), expect(NAMES + " WHERE (\"users\".\"name\" = ?) AND (\"users\".\"age\" > ?)", "a", 1),
                base.orderBy(USER.ID).limit(2), expect(s + " ORDER BY \"users\".\"id\" ASC LIMIT ?", "a", 2L));
    }
}
