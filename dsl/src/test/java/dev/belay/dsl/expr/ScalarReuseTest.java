package dev.belay.dsl.expr;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.CaseField;
import dev.belay.dsl.DatePart;
import dev.belay.dsl.Field;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.SimpleCaseField;
import dev.belay.dsl.fixtures.Order.Status;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CASE, a truncated date or a shifted timestamp built once serves many queries; each branch leaves its base as it was. */
final class ScalarReuseTest {
    private static final String AGE = "\"users\".\"age\"";

    private static RenderedSql selected(Field<?> f) {
        return select(f).from(USER).render();
    }

    @Test
    void searchedCaseBranches() {
        CaseField<String> base = case_().when(USER.AGE.lt(18), "minor");
        RenderedSql before = selected(base);

        CaseField<String> more = base.when(USER.AGE.lt(65), "adult");
        Field<String> closed = base.otherwise("adult");
        Field<String> closedByField = more.otherwise(USER.NAME);

        assertEquals(before, selected(base));
        assertEquals("SELECT CASE WHEN " + AGE + " < ? THEN ? END FROM \"users\"", before.sql());
        assertEquals(List.of(18, "minor"), before.params());
        assertEquals("CASE WHEN " + AGE + " < 18 THEN 'minor' WHEN " + AGE + " < 65 THEN 'adult' END", more.toString());
        assertEquals("CASE WHEN " + AGE + " < 18 THEN 'minor' ELSE 'adult' END", closed.toString());
        assertEquals("CASE WHEN " + AGE + " < 18 THEN 'minor' WHEN " + AGE + " < 65 THEN 'adult' ELSE \"users\".\"name\" END",
                closedByField.toString());
        assertEquals(selected(closed), selected(closed));
    }

    @Test
    void simpleCaseBranches() {
        SimpleCaseField<Status, Integer> base = case_(ORDER.STATUS).when(Status.PAID, 1);
        String text = base.toString();

        Field<Integer> a = base.when(Status.NEW, 0).otherwise(-1);
        Field<Integer> b = base.otherwise(ORDER.USER_ID.cast(dev.belay.dsl.PgType.INT4));

        assertEquals(text, base.toString());
        assertEquals("CASE \"orders\".\"status\" WHEN 'PAID'::\"order_status\" THEN CAST(1 AS int4) END", text);
        assertEquals("CASE \"orders\".\"status\" WHEN 'PAID'::\"order_status\" THEN CAST(1 AS int4) WHEN "
                + "'NEW'::\"order_status\" THEN CAST(0 AS int4) ELSE CAST(-1 AS int4) END", a.toString());
        assertEquals("CASE \"orders\".\"status\" WHEN 'PAID'::\"order_status\" THEN CAST(1 AS int4) ELSE "
                + "CAST(\"orders\".\"user_id\" AS int4) END", b.toString());
    }

    /** One truncation field in SELECT, GROUP BY and ORDER BY renders as one text, with no parameter of its own. */
    @Test
    void oneDateTruncInEveryClause() {
        Field<Instant> month = dateTrunc(DatePart.MONTH, ORDER.CREATED_AT);
        Select<?> base = select(month, sum(ORDER.TOTAL)).from(ORDER).groupBy(month);
        Select<?> ordered = base.orderBy(month.desc());
        Select<?> recent = base.where(ORDER.CREATED_AT.ge(Instant.EPOCH));

        String trunc = "date_trunc('month', \"orders\".\"created_at\")";
        String sql = "SELECT " + trunc + ", sum(\"orders\".\"total\") FROM \"orders\" GROUP BY " + trunc;
        assertEquals(sql, base.render().sql());
        assertEquals(sql + " ORDER BY " + trunc + " DESC", ordered.render().sql());
        assertEquals(List.of(Instant.EPOCH), recent.render().params());
        assertEquals(base.render(), base.render());
    }

    @Test
    void intervalShiftsAndValuesBranch() {
        Field<Instant> later = ORDER.CREATED_AT.plusInterval(Duration.ofDays(1));
        Field<Instant> twice = later.plusInterval(Duration.ofDays(1));
        Field<BigDecimal> capped = least(ORDER.TOTAL, BigDecimal.TEN);
        Field<BigDecimal> both = greatest(capped, BigDecimal.ONE);

        assertEquals("\"orders\".\"created_at\" + CAST('PT24H'::interval AS interval)", later.toString());
        assertEquals("(\"orders\".\"created_at\" + CAST('PT24H'::interval AS interval)) + CAST('PT24H'::interval AS interval)",
                twice.toString());
        assertEquals("least(\"orders\".\"total\", 10)", capped.toString());
        assertEquals("greatest(least(\"orders\".\"total\", 10), 1)", both.toString());
        assertEquals(List.of(BigDecimal.TEN, BigDecimal.ONE), select(both).from(ORDER).render().params());
        assertEquals(List.of(BigDecimal.TEN), select(capped).from(ORDER).render().params());
    }
}
