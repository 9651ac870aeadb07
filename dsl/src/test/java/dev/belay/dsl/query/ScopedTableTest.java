package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static dev.belay.dsl.query.QueryAssertions.assertRenders;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Insert;
import dev.belay.dsl.Param;
import dev.belay.dsl.Placeholders;
import dev.belay.dsl.RenderedSql;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.UserTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoped tables and schema copies: reuse, what they keep of the descriptor, and the writes they refuse. */
final class ScopedTableTest {
    private static final OrderTable MINE = ORDER.scoped(ORDER.USER_ID.eq(1L));
    private static final BigDecimal TEN = new BigDecimal("10");
    private static final String SCOPE = "\"orders\".\"user_id\" = ?";

    @Test
    void aScopedTableIsItsDescriptorsClassWithTheSameColumns() {
        assertSame(OrderTable.class, MINE.getClass());
        assertEquals(ORDER.columns(), MINE.columns());
        assertTrue(MINE.isScoped());
        assertFalse(ORDER.isScoped());
        assertTrue(MINE.as("o").isScoped());
        OrderTable elsewhere = ORDER.inSchema("archive");
        assertEquals("archive", elsewhere.schema());
        assertEquals(null, ORDER.schema());
    }

    @Test
    void aQueryOnAScopedTableRendersTheSameTwiceAndBranches() {
        Select<Long> base = select(MINE.ID).from(MINE);
        RenderedSql first = base.render();
        assertSame(first.sql(), base.render().sql());
        Select<Long> a = base.where(MINE.TOTAL.gt(TEN));
        Select<Long> b = base.orderBy(MINE.ID.desc());
        assertBranches(base, expect("SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + SCOPE, 1L),
                a, expect("SELECT \"orders\".\"id\" FROM \"orders\" WHERE (\"orders\".\"total\" > ?) AND (" + SCOPE
                        + ")", TEN, 1L),
                b, expect("SELECT \"orders\".\"id\" FROM \"orders\" WHERE " + SCOPE + " ORDER BY \"orders\".\"id\" DESC",
                        1L));
    }

    @Test
    void aBoundQueryOnAScopedTableKeepsItsText() {
        Param<BigDecimal> min = param("min", BigDecimal.class);
        Select<Long> shape = select(MINE.ID).from(MINE).where(MINE.TOTAL.gt(min));
        RenderedSql one = shape.bind(min, TEN).render();
        RenderedSql two = shape.bind(min, BigDecimal.ONE).render();
        assertSame(one.sql(), two.sql());
        assertEquals(List.of(BigDecimal.ONE, 1L), two.params());
    }

    @Test
    void anInsertThroughAScopedTableBranchesAndFillsEachBranch() {
        Insert<Order> base = insertInto(MINE).set(MINE.TOTAL, TEN);
        Insert<Order> a = base.set(MINE.USER_ID, 1L);
        Insert<Order> b = base.set(MINE.STATUS, Order.Status.PAID);
        assertBranches(base, expect("INSERT INTO \"orders\" (\"total\", \"user_id\") VALUES (?, ?)", TEN, 1L),
                a, expect("INSERT INTO \"orders\" (\"total\", \"user_id\") VALUES (?, ?)", TEN, 1L),
                b, expect("INSERT INTO \"orders\" (\"total\", \"status\", \"user_id\") VALUES (?, ?, ?)", TEN,
                        Order.Status.PAID, 1L));
    }

    @Test
    void narrowingAScopeAddsToIt() {
        OrderTable paid = MINE.scoped(MINE.STATUS.eq(Order.Status.PAID));
        assertRenders(expect("SELECT \"orders\".\"id\" FROM \"orders\" WHERE (" + SCOPE + ") AND (\"orders\".\"status\" "
                + "= ?)", 1L, Order.Status.PAID), select(paid.ID).from(paid));
        assertRenders(expect("INSERT INTO \"orders\" (\"total\", \"user_id\", \"status\") VALUES (?, ?, ?)", TEN, 1L,
                Order.Status.PAID), insertInto(paid).set(paid.TOTAL, TEN));
    }

    @Test
    void aSchemaMappingRendersEveryTableButNotCteNames() {
        Map<String, String> toTenant = Map.of("public", "tenant_a");
        var ids = cte("ids").as(select(ORDER.USER_ID).from(ORDER));
        var query = with(ids).select(USER.NAME).from(USER).where(USER.ID.in(select(ids.field(ORDER.USER_ID)).from(ids)));
        RenderedSql mapped = query.render(Placeholders.JDBC, toTenant);
        assertEquals("WITH \"ids\" AS (SELECT \"orders\".\"user_id\" FROM \"tenant_a\".\"orders\") SELECT \"users\".\"name\" "
                + "FROM \"tenant_a\".\"users\" WHERE \"users\".\"id\" IN (SELECT \"ids\".\"user_id\" FROM \"ids\")",
                mapped.sql());
        assertSame(mapped.sql(), query.render(Placeholders.JDBC, Map.of("public", "tenant_a")).sql());
        assertFalse(query.render().sql().contains("tenant_a"));
        UserTable other = USER.inSchema("other");
        assertEquals("SELECT \"users\".\"name\" FROM \"other\".\"users\"",
                select(other.NAME).from(other).render(Placeholders.JDBC, toTenant).sql());
        assertTrue(createTable(USER).render(Placeholders.JDBC, toTenant).sql()
                .startsWith("CREATE TABLE \"tenant_a\".\"users\" ("));
    }

    // ---- refused -----------------------------------------------------------------------------

    @Test
    void aScopeOnAnotherTablesColumnIsRefusedNamingIt() {
        assertFails(IllegalArgumentException.class, () -> ORDER.scoped(USER.ID.eq(1L)),
                "scoped(", "table \"users\" (column id)", "only the columns of \"orders\"");
        UserTable u = USER.as("u");
        assertFails(IllegalArgumentException.class, () -> USER.scoped(u.ID.eq(1L)), "table \"u\"");
        assertFails(IllegalArgumentException.class,
                () -> ORDER.scoped(ORDER.USER_ID.in(select(USER.ID).from(USER))), "cannot hold a subquery");
        Param<Long> tenant = param("tenant", Long.class);
        assertFails(IllegalArgumentException.class, () -> ORDER.scoped(ORDER.USER_ID.eq(tenant)), ":tenant",
                "scope the table once per value");
        assertFails(IllegalArgumentException.class, () -> ORDER.as("o").scoped(ORDER.USER_ID.eq(1L)),
                "table \"orders\"");
        OrderTable o = MINE.as("o");
        OrderTable other = ORDER.as("o");
        assertFails(IllegalArgumentException.class, () -> o.scoped(other.ID.eq(1L)), "narrow the scope before");
        assertFails(IllegalArgumentException.class, () -> USER.inSchema("bad\u0000"), "schema name");
    }

    @Test
    void anInsertOutsideTheScopeIsRefusedNamingTableColumnValueAndScope() {
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).set(MINE.TOTAL, TEN).set(MINE.USER_ID, 2L),
                "insert into \"orders\" (scoped)", "column user_id is given 2", "scoped to \"orders\".\"user_id\" = 1",
                "fixes it to 1");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).values(
                new Order(null, 2L, TEN, Order.Status.NEW, List.of(), null)), "column user_id is given 2");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).columns(MINE.USER_ID, MINE.TOTAL)
                .values(1L, TEN).values(3L, TEN), "column user_id is given 3");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).columns(MINE.USER_ID, MINE.TOTAL)
                .select(select(ORDER.USER_ID, ORDER.TOTAL).from(ORDER)), "column user_id is given \"orders\".\"user_id\"");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).set(MINE.TOTAL, TEN)
                .set(MINE.USER_ID, ORDER.USER_ID.plus(1L)), "column user_id is given");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).columns(MINE.TOTAL)
                .select(select(ORDER.TOTAL).from(ORDER).union(select(ORDER.TOTAL).from(ORDER))), "set operation");
    }

    @Test
    void aWriteThatMovesARowOutOfTheScopeIsRefused() {
        assertFails(IllegalArgumentException.class, () -> update(MINE).set(MINE.USER_ID, 2L).all(),
                "update \"orders\" (scoped)", "column user_id is given 2");
        Param<Long> to = param("to", Long.class);
        assertFails(IllegalArgumentException.class, () -> update(MINE).set(MINE.USER_ID, to).all(),
                "the parameter :to");
        assertFails(IllegalArgumentException.class, () -> insertInto(MINE).set(MINE.ID, 3L).set(MINE.TOTAL, TEN)
                .onConflict(MINE.ID).doUpdate().set(MINE.USER_ID, 2L), "on conflict do update", "given 2");
        assertFails(IllegalArgumentException.class, () -> mergeInto(MINE).using(USER).on(MINE.USER_ID.eq(USER.ID))
                .whenMatched().thenUpdate(MINE.USER_ID, 2L).render(), "merge into \"orders\" (scoped)", "given 2");
        assertFails(IllegalArgumentException.class, () -> mergeInto(MINE).using(USER).on(MINE.USER_ID.eq(USER.ID))
                .whenNotMatched().thenInsert(MINE.USER_ID, USER.ID).set(MINE.TOTAL, TEN).render(),
                "column user_id is given \"users\".\"id\"");
        assertRenders(expect("UPDATE \"orders\" SET \"user_id\" = ? WHERE " + SCOPE, 1L, 1L),
                update(MINE).set(MINE.USER_ID, 1L).all());
    }

    /** A descriptor that forgot the (Alias) constructor. */
    static final class Bare extends Table<Order> {
        static final Bare BARE = new Bare();
        final dev.belay.dsl.Column<Order, Long> USER_ID = column("user_id", dev.belay.dsl.PgType.INT8);

        private Bare() {
            super("orders", Order.class);
        }
    }

    @Test
    void aDescriptorWithoutTheAliasConstructorIsToldToAddIt() {
        assertFails(IllegalStateException.class, () -> Bare.BARE.scoped(Bare.BARE.USER_ID.eq(1L)),
                "cannot alias, scope or move", "private Bare(Alias alias) { super(alias); }");
        assertFails(IllegalStateException.class, () -> Bare.BARE.inSchema("a"), "private Bare(Alias alias)");
    }

    @Test
    void aPlainTableCannotBeScopedInPlaceAndAliasesKeepTheirNames() {
        Table<Order> derived = Table.of(Order.class).scoped(Table.of(Order.class).field("user_id",
                dev.belay.dsl.PgType.INT8).eq(1L));
        assertTrue(derived.isScoped());
        assertRenders(expect("SELECT \"x\".\"id\" FROM \"orders\" AS \"x\" WHERE \"x\".\"user_id\" = ?", 1L),
                select(derived.asPlain("x").field("id", dev.belay.dsl.PgType.INT8)).from(derived.asPlain("x")));
    }
}
