package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertRenders;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.Condition;
import dev.belay.dsl.Merge;
import dev.belay.dsl.MergeOn;
import dev.belay.dsl.MergeSet;
import dev.belay.dsl.Param;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.RowValue2;
import dev.belay.dsl.Select;
import dev.belay.dsl.SetFunction;
import dev.belay.dsl.ValuesTable2;
import dev.belay.dsl.fixtures.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VALUES lists, set-returning functions, row values and MERGE builders leave their receiver untouched: a base
 * branched two ways keeps its own SQL, and a query built once renders and binds to the same SQL text.
 */
final class FromItemReuseTest {
    private static final String V = "(VALUES (CAST(? AS text), CAST(? AS int4)), (?, ?)) AS \"v\"(\"name\", \"n\")";
    private static final String MERGE_V = "MERGE INTO \"users\" USING (VALUES (CAST(? AS text), CAST(? AS text))) AS "
            + "\"v\"(\"name\", \"email\") ON \"users\".\"email\" = \"v\".\"email\"";

    @Test
    void valuesTableServesTwoQueries() {
        ValuesTable2<String, Integer> v = values(row("a", 1), row("b", 2)).as("v", "name", "n");
        Select<String> base = select(v.v1()).from(v);
        Select<String> small = base.where(v.v2().lt(2));
        Select<String> named = base.where(v.v1().eq("b"));
        String sql = "SELECT \"v\".\"name\" FROM " + V;
        assertBranches(base, expect(sql, "a", 1, "b", 2),
                small, expect(sql + " WHERE \"v\".\"n\" < ?", "a", 1, "b", 2, 2),
                named, expect(sql + " WHERE \"v\".\"name\" = ?", "a", 1, "b", 2, "b"));
    }

    @Test
    void lateralIsACopy() {
        ValuesTable2<String, String> plain = values(row(value("name"), USER.NAME)).as("kv", "k", "v");
        ValuesTable2<String, String> lateral = plain.lateral();
        String values = "(VALUES (CAST(? AS text), \"users\".\"name\")) AS \"kv\"(\"k\", \"v\")";
        String select = "SELECT \"kv\".\"v\" FROM \"users\" CROSS JOIN ";
        assertRenders(expect(select + "LATERAL " + values, "name"), select(lateral.v2()).from(USER).crossJoin(lateral));
        assertRenders(expect(select + values, "name"), select(plain.v2()).from(USER).crossJoin(plain));
    }

    @Test
    void setFunctionBranchesIntoTablesWithAndWithoutOrdinality() {
        SetFunction<Integer> base = unnest(List.of(1, 2));
        var plain = base.as("a");
        var numbered = base.withOrdinality().as("b");
        var again = base.as("c");
        assertRenders(expect("SELECT \"b\".\"value\", \"b\".\"ordinality\" FROM unnest(CAST(? AS int4[])) WITH "
                + "ORDINALITY AS \"b\"(\"value\", \"ordinality\")", List.of(1, 2)),
                select(numbered.value(), numbered.ordinality()).from(numbered));
        assertRenders(expect("SELECT \"a\".\"value\" FROM unnest(CAST(? AS int4[])) AS \"a\"(\"value\")", List.of(1, 2)),
                select(plain.value()).from(plain));
        assertRenders(expect("SELECT \"c\".\"value\" FROM unnest(CAST(? AS int4[])) AS \"c\"(\"value\")", List.of(1, 2)),
                select(again.value()).from(again));
    }

    @Test
    void rowValueComparesTwoWays() {
        RowValue2<String, Integer> base = row(USER.NAME, USER.AGE);
        Condition eq = base.eq(row("a", 1));
        Condition gt = base.gt(row("b", 2));
        assertEquals("(\"users\".\"name\", \"users\".\"age\") > ('b', 2)", gt.toString());
        assertEquals("(\"users\".\"name\", \"users\".\"age\") = ('a', 1)", eq.toString());
        assertEquals("(\"users\".\"name\", \"users\".\"age\")", base.toString());
    }

    @Test
    void mergeBranchesFromOneOnStepAndOneSetStep() {
        ValuesTable2<String, String> v = values(row("Ann", "ann@x.org")).as("v", "name", "email");
        MergeOn<User> on = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()));
        Merge<User> delete = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2())).whenMatched().thenDelete();
        MergeSet<User> insert = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2())).whenNotMatched()
                .thenInsert(USER.NAME, v.v1());
        MergeSet<User> withEmail = insert.set(USER.EMAIL, v.v2());
        MergeSet<User> withAge = insert.set(USER.AGE, 7);
        Merge<User> plusDelete = insert.whenMatched().thenDelete();
        String insertName = " WHEN NOT MATCHED THEN INSERT (\"name\"";
        assertBranches(insert, expect(MERGE_V + insertName + ") VALUES (\"v\".\"name\")", "Ann", "ann@x.org"),
                withEmail, expect(MERGE_V + insertName + ", \"email\") VALUES (\"v\".\"name\", \"v\".\"email\")",
                        "Ann", "ann@x.org"),
                withAge, expect(MERGE_V + insertName + ", \"age\") VALUES (\"v\".\"name\", ?)", "Ann", "ann@x.org", 7));
        assertRenders(expect(MERGE_V + insertName + ") VALUES (\"v\".\"name\") WHEN MATCHED THEN DELETE", "Ann",
                "ann@x.org"), plusDelete);
        assertRenders(expect(MERGE_V + " WHEN MATCHED THEN DELETE", "Ann", "ann@x.org"), delete);
        assertRenders(expect(MERGE_V + " WHEN MATCHED THEN DO NOTHING", "Ann", "ann@x.org"),
                on.whenMatched().thenDoNothing());
        assertRenders(expect(MERGE_V + " WHEN NOT MATCHED THEN DO NOTHING", "Ann", "ann@x.org"),
                on.whenNotMatched().thenDoNothing());
    }

    @Test
    void mergeRendersOnceAndBindsTwiceToTheSameText() {
        Param<String> name = param("name", String.class);
        ValuesTable2<String, String> v = values(row(name, value("ann@x.org"))).as("v", "name", "email");
        Merge<User> merge = mergeInto(USER).using(v).on(USER.EMAIL.eq(v.v2()))
                .whenMatched().thenUpdate(USER.NAME, v.v1());
        RenderedSql ann = merge.bind(name, "Ann").render();
        RenderedSql bob = merge.bind(name, "Bob").render();
        assertSame(ann.sql(), bob.sql());
        assertEquals(List.of("Ann", "ann@x.org"), ann.params());
        assertEquals(List.of("Bob", "ann@x.org"), bob.params());
        assertEquals("MERGE INTO \"users\" USING (VALUES (CAST(? AS text), CAST(? AS text))) AS \"v\"(\"name\", "
                + "\"email\") ON \"users\".\"email\" = \"v\".\"email\" WHEN MATCHED THEN UPDATE SET \"name\" = "
                + "\"v\".\"name\"", ann.sql());
        assertSame(ann.sql(), merge.bind(name, "Cy").render().sql(), "bound a third time, still the one text");
    }
}
