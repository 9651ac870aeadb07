package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.OnConflict;
import dev.belay.dsl.OnConflictTarget;
import dev.belay.dsl.PgType;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.InsertNode;
import dev.belay.dsl.internal.ParamKey;
import dev.belay.dsl.internal.Rendered;
import dev.belay.dsl.internal.SelectNode;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WithNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The standalone conflict spec of {@code db.upsert(rows, onConflict(..)...)} and the two AST pieces bulk statements
 * add (a set-returning function in FROM, a column DEFAULT the catalog wrote): exact SQL and parameters, as the
 * executor renders them into its statements.
 */
final class OnConflictSpecTest {

    /** {@code INSERT INTO "users" ("name", "email") SELECT ...} with the spec's ON CONFLICT clause. */
    private static Rendered upsert(OnConflict<User> spec) {
        InsertNode insert = new InsertNode(WithNode.NONE, new FromItem.TableItem(null, "users", null),
                List.of("name", "email"), false, new InsertNode.FromQuery(SelectNode.of(List.of(new Expr.Constant(1, PgType.INT4),
                new Expr.Constant(2, PgType.INT4)), List.of())), spec.node(), List.of());
        return SqlRenderer.render(insert, SqlRenderer.Style.JDBC);
    }

    private static List<Object> values(Rendered r) {
        List<Object> values = new ArrayList<>();
        for (Expr slot : r.slots()) {
            values.add(((Expr.Bind) slot).value());
        }
        return values;
    }

    @Test
    void eachActionRendersItsClause() {
        Rendered nothing = upsert(onConflict(USER.EMAIL).doNothing());
        assertEquals("INSERT INTO \"users\" (\"name\", \"email\") SELECT 1, 2 ON CONFLICT (\"email\") DO NOTHING",
                nothing.sql());
        Rendered set = upsert(onConflict(USER.EMAIL).doUpdateSet(USER.NAME, USER.AGE));
        assertEquals("INSERT INTO \"users\" (\"name\", \"email\") SELECT 1, 2 ON CONFLICT (\"email\") DO UPDATE SET "
                + "\"name\" = EXCLUDED.\"name\", \"age\" = EXCLUDED.\"age\"", set.sql());
        // all non-generated columns but the target, the key and the listed ones
        Rendered allBut = upsert(onConflict(USER.EMAIL).doUpdateAllExcept(USER.AGE));
        assertEquals("INSERT INTO \"users\" (\"name\", \"email\") SELECT 1, 2 ON CONFLICT (\"email\") DO UPDATE SET "
                + "\"name\" = EXCLUDED.\"name\"", allBut.sql());
    }

    @Test
    void wherePredicatesAreBoundValues() {
        Rendered r = upsert(onConflict(USER.NAME, USER.EMAIL).where(USER.AGE.gt(0)).doUpdateSet(USER.AGE)
                .where(USER.AGE.lt(excluded(USER.AGE))).where(USER.NAME.ne("root")));
        assertEquals("INSERT INTO \"users\" (\"name\", \"email\") SELECT 1, 2 ON CONFLICT (\"name\", \"email\") WHERE "
                + "\"users\".\"age\" > ? DO UPDATE SET \"age\" = EXCLUDED.\"age\" WHERE (\"users\".\"age\" < "
                + "EXCLUDED.\"age\") AND (\"users\".\"name\" <> ?)", r.sql());
        assertEquals(List.of(0, "root"), values(r));
    }

    @Test
    void specsAreImmutableAndReusable() {
        OnConflictTarget<User> target = onConflict(USER.EMAIL);
        OnConflict<User> update = target.doUpdateSet(USER.NAME);
        OnConflict<User> narrowed = update.where(USER.AGE.gt(1));
        assertEquals(List.of(USER.EMAIL), update.target());
        assertSame(USER, update.table());
        assertFalse(update.doesNothing());
        assertTrue(target.doNothing().doesNothing());
        assertEquals(null, update.node().updateWhere(), "the base spec is unchanged");
        assertTrue(narrowed.node().updateWhere() != null);
        assertEquals(upsert(update).sql(), upsert(target.doUpdateSet(USER.NAME)).sql());
    }

    @Test
    void badSpecsAreRefusedNamingTheProblem() {
        assertFails(IllegalArgumentException.class, () -> onConflict(USER.EMAIL, USER.EMAIL), "named twice");
        assertFails(IllegalArgumentException.class, () -> onConflict(USER.EMAIL).doUpdateSet(), "at least one column",
                "doNothing");
        assertFails(IllegalArgumentException.class, () -> onConflict(USER.as("u").field(USER.EMAIL)),
                "aliased table");
        assertFails(IllegalStateException.class, () -> onConflict(USER.EMAIL).doNothing().where(USER.AGE.gt(1)),
                "DO NOTHING");
        assertFails(IllegalArgumentException.class, () -> onConflict(USER.ID, USER.EMAIL, USER.NAME, USER.AGE)
                .doUpdateAllExcept(), "leaves no column");
        assertFails(IllegalArgumentException.class, () -> onConflict(OrderTable.ORDER.ID).doUpdateSet(
                OrderTable.ORDER.field("nope", PgType.TEXT)), "no column");
    }

    @Test
    void aFunctionInFromAndAServerWrittenDefaultRender() {
        ParamKey names = new ParamKey("name", PgType.arrayOf(PgType.TEXT));
        FromItem rows = new FromItem.FunctionItem(Expr.Func.of(Builtin.UNNEST, new Expr.Cast(new Expr.Slot(names),
                PgType.arrayOf(PgType.TEXT))), true, "r", List.of("c1", "ord"));
        SelectNode select = SelectNode.of(List.of(new Expr.ColumnRef("r", "c1"), Expr.Func.of(Builtin.COALESCE,
                new Expr.ColumnRef("r", "c1"), new Expr.ServerSql("'x'::text"))),
                List.of(rows));
        Rendered r = SqlRenderer.render(select, SqlRenderer.Style.JDBC);
        assertEquals("SELECT \"r\".\"c1\", coalesce(\"r\".\"c1\", ('x'::text)) FROM unnest(CAST(? AS text[])) WITH "
                + "ORDINALITY AS \"r\"(\"c1\", \"ord\")", r.sql());
        assertEquals(List.of(new Expr.Slot(names)), r.slots());
    }
}
