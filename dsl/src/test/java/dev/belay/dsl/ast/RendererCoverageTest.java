package dev.belay.dsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.DatePart;
import dev.belay.dsl.PgType;
import dev.belay.dsl.internal.Assignment;
import dev.belay.dsl.internal.DatePartLiteral;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Extract;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.FunctionName;
import dev.belay.dsl.internal.JoinKind;
import dev.belay.dsl.internal.JoinNode;
import dev.belay.dsl.internal.Keyword;
import dev.belay.dsl.internal.LockNode;
import dev.belay.dsl.internal.MergeNode;
import dev.belay.dsl.internal.Operator;
import dev.belay.dsl.internal.SelectNode;
import dev.belay.dsl.internal.SetOpNode;
import dev.belay.dsl.internal.SetOperator;
import dev.belay.dsl.internal.SqlRenderer;
import dev.belay.dsl.internal.WindowDef;
import dev.belay.dsl.internal.WithNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AST's constants each render to their own SQL, and nodes refuse shapes SQL cannot have. The renderer's enum
 * switches have no default branch, so a constant added without a spelling fails to compile; these tests pin the
 * spellings and catch two constants rendered alike.
 */
final class RendererCoverageTest {
    private static final Expr A = new Expr.ColumnRef("t", "a");
    private static final Expr B = new Expr.ColumnRef("t", "b");
    private static final FromItem T = new FromItem.TableItem(null, "t", null);

    private static String render(Expr e) {
        return SqlRenderer.render(SelectNode.of(List.of(e), List.of(T)), SqlRenderer.Style.NUMBERED).sql();
    }

    @Test
    void everyOperatorHasItsOwnSpelling() {
        Set<String> seen = new HashSet<>();
        for (Operator op : Operator.values()) {
            String sql = render(new Expr.Binary(A, op, B));
            assertTrue(sql.startsWith("SELECT \"t\".\"a\" ") && sql.endsWith(" \"t\".\"b\" FROM \"t\""), sql);
            assertTrue(seen.add(sql), op + " renders like another operator: " + sql);
        }
        assertEquals("SELECT \"t\".\"a\" !~* \"t\".\"b\" FROM \"t\"", render(new Expr.Binary(A, Operator.NOT_REGEX_I, B)));
        assertEquals("SELECT \"t\".\"a\" IS NOT DISTINCT FROM \"t\".\"b\" FROM \"t\"",
                render(new Expr.Binary(A, Operator.IS_NOT_DISTINCT_FROM, B)));
    }

    @Test
    void jsonbKeyOperatorsAreDoubledOnlyForJdbc() {
        Expr has = new Expr.Binary(A, Operator.JSON_HAS_ANY_KEY, B);
        SelectNode q = SelectNode.of(List.of(has), List.of(T));
        assertEquals("SELECT \"t\".\"a\" ??| \"t\".\"b\" FROM \"t\"", SqlRenderer.render(q, SqlRenderer.Style.JDBC).sql());
        assertEquals("SELECT \"t\".\"a\" ?| \"t\".\"b\" FROM \"t\"", SqlRenderer.render(q, SqlRenderer.Style.NUMBERED).sql());
    }

    @Test
    void builtinsRenderLowerCaseAndUserFunctionsQuoted() {
        for (FunctionName.Builtin f : FunctionName.Builtin.values()) {
            String expected = "SELECT " + f.name().toLowerCase(java.util.Locale.ROOT) + "(\"t\".\"a\") FROM \"t\"";
            assertEquals(expected, render(Expr.Func.of(f, A)));
        }
        assertEquals("SELECT \"app\".\"Score\"(\"t\".\"a\") FROM \"t\"",
                render(Expr.Func.of(new FunctionName.UserFunction(List.of("app", "Score")), A)));
        assertThrows(IllegalArgumentException.class, () -> new FunctionName.UserFunction(List.of()));
    }

    @Test
    void keywordsJoinsLocksSetOperatorsAndFramesRender() {
        List<String> keywords = new ArrayList<>();
        for (Keyword k : Keyword.values()) {
            keywords.add(render(k));
        }
        assertEquals(List.of("SELECT TRUE FROM \"t\"", "SELECT FALSE FROM \"t\"", "SELECT DEFAULT FROM \"t\"",
                "SELECT CURRENT_DATE FROM \"t\"", "SELECT CURRENT_TIMESTAMP FROM \"t\"", "SELECT LOCALTIMESTAMP FROM \"t\""),
                keywords);

        Set<String> joins = new HashSet<>();
        for (JoinKind kind : JoinKind.values()) {
            JoinNode j = new JoinNode(kind, new FromItem.TableItem(null, "u", null),
                    kind == JoinKind.CROSS ? null : new Expr.Binary(A, Operator.EQ, new Expr.ColumnRef("u", "a")));
            String sql = SqlRenderer.render(SelectNode.of(List.of(A), List.of(T)).withJoins(List.of(j)),
                    SqlRenderer.Style.NUMBERED).sql();
            assertTrue(sql.contains(" " + SqlRenderer.joinKind(kind) + " \"u\""), sql);
            assertTrue(joins.add(SqlRenderer.joinKind(kind)));
        }

        Set<String> locks = new HashSet<>();
        for (LockNode.Strength s : LockNode.Strength.values()) {
            for (LockNode.Wait w : LockNode.Wait.values()) {
                String sql = SqlRenderer.render(SelectNode.of(List.of(A), List.of(T))
                        .withLock(LockNode.of(s).withWait(w).withOf(List.of("t"))), SqlRenderer.Style.NUMBERED).sql();
                assertTrue(locks.add(sql), sql);
                assertTrue(sql.contains(" OF \"t\""), sql);
            }
        }
        assertTrue(locks.contains("SELECT \"t\".\"a\" FROM \"t\" FOR NO KEY UPDATE OF \"t\" SKIP LOCKED"));

        Set<String> setOps = new HashSet<>();
        for (SetOperator op : SetOperator.values()) {
            SelectNode side = SelectNode.of(List.of(A), List.of(T));
            String sql = SqlRenderer.render(new SetOpNode(WithNode.NONE, side, op, side, List.of(), null, null),
                    SqlRenderer.Style.NUMBERED).sql();
            assertEquals("(SELECT \"t\".\"a\" FROM \"t\") " + SqlRenderer.setOperator(op) + " (SELECT \"t\".\"a\" FROM \"t\")", sql);
            assertTrue(setOps.add(sql));
        }

        Set<String> bounds = new HashSet<>();
        for (WindowDef.BoundKind kind : WindowDef.BoundKind.values()) {
            assertTrue(bounds.add(SqlRenderer.boundKind(kind)));
        }
        WindowDef w = new WindowDef(List.of(), List.of(), new WindowDef.Frame(WindowDef.Unit.GROUPS,
                new WindowDef.Bound(WindowDef.BoundKind.PRECEDING, new Expr.Constant(2, PgType.INT4)),
                new WindowDef.Bound(WindowDef.BoundKind.UNBOUNDED_FOLLOWING, null)));
        assertEquals("SELECT count(\"t\".\"a\") OVER (GROUPS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING) FROM \"t\"",
                render(Expr.Func.of(FunctionName.Builtin.COUNT, A).withOver(w)));
    }

    @Test
    void datePartsCaseOperandsAndExtractRender() {
        Set<String> parts = new HashSet<>();
        for (DatePart part : DatePart.values()) {
            String literal = render(new DatePartLiteral(part));
            assertEquals("SELECT '" + part.name().toLowerCase(Locale.ROOT) + "' FROM \"t\"", literal);
            assertTrue(parts.add(literal));
            assertEquals("SELECT EXTRACT(" + part.name() + " FROM \"t\".\"a\") FROM \"t\"", render(new Extract(part, A)));
        }
        assertEquals("SELECT CASE \"t\".\"a\" WHEN \"t\".\"b\" THEN \"t\".\"a\" END FROM \"t\"",
                render(new Expr.Case(A, List.of(B), List.of(A), null)));
        assertEquals("SELECT CASE (\"t\".\"a\" + \"t\".\"b\") WHEN \"t\".\"b\" THEN \"t\".\"a\" ELSE \"t\".\"b\" END FROM \"t\"",
                render(new Expr.Case(new Expr.Binary(A, Operator.PLUS, B), List.of(B), List.of(A), B)));
    }

    @Test
    void nodesRefuseShapesSqlCannotHave() {
        assertThrows(IllegalArgumentException.class, () -> new JoinNode(JoinKind.CROSS, T, A));
        assertThrows(IllegalArgumentException.class, () -> new JoinNode(JoinKind.LEFT, T, null));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Case(List.of(A), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Case(List.of(), List.of(), B));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Case(A, List.of(B), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Logical(Expr.Logical.Op.AND, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new WindowDef.Bound(WindowDef.BoundKind.PRECEDING, null));
        assertThrows(IllegalArgumentException.class, () -> new WindowDef.Bound(WindowDef.BoundKind.CURRENT_ROW, A));
        assertThrows(IllegalArgumentException.class, () -> new Expr.Constant(java.util.UUID.randomUUID(), PgType.UUID));
        assertEquals("SELECT '1''; drop table t'::text FROM \"t\"", render(new Expr.Constant("1'; drop table t", PgType.TEXT)));
    }

    @Test
    void nodesCopyTheListsTheyAreGiven() {
        List<Expr> items = new ArrayList<>(List.of(A));
        SelectNode q = SelectNode.of(items, List.of(T));
        Expr.Logical and = new Expr.Logical(Expr.Logical.Op.AND, items);
        items.add(B);
        assertEquals(List.of(A), q.projection());
        assertEquals(List.of(A), and.operands());
        assertThrows(UnsupportedOperationException.class, () -> q.projection().add(B));
    }

    @Test
    void valuesAndMergeNodesRefuseShapesSqlCannotHave() {
        assertThrows(IllegalArgumentException.class, () -> new FromItem.ValuesItem(List.of(), "v", List.of("a"), false));
        assertThrows(IllegalArgumentException.class, () -> new FromItem.ValuesItem(List.of(List.of(A, B)), "v",
                List.of("a"), false));
        FromItem.TableItem target = new FromItem.TableItem(null, "t", null);
        Expr on = new Expr.Binary(A, Operator.EQ, B);
        assertThrows(IllegalArgumentException.class, () -> new MergeNode(WithNode.NONE, target, T, on, List.of()));
        MergeNode.Insert insert = new MergeNode.Insert(List.of(new Assignment("a", B)));
        MergeNode.Update update = new MergeNode.Update(List.of(new Assignment("a", B)));
        assertThrows(IllegalArgumentException.class, () -> new MergeNode.When(true, null, insert));
        assertThrows(IllegalArgumentException.class, () -> new MergeNode.When(false, null, update));
        assertThrows(IllegalArgumentException.class, () -> new MergeNode.When(false, null, new MergeNode.Delete()));
        assertThrows(IllegalArgumentException.class, () -> new MergeNode.Update(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MergeNode.Insert(List.of()));

        List<List<Expr>> rows = new ArrayList<>(List.of(new ArrayList<>(List.of(A))));
        FromItem.ValuesItem values = new FromItem.ValuesItem(rows, "v", List.of("a"), false);
        rows.get(0).add(B);
        rows.add(List.of(B));
        assertEquals(List.of(List.of(A)), values.rows());
        MergeNode merge = new MergeNode(WithNode.NONE, target, values, on, List.of(
                new MergeNode.When(true, A, update), new MergeNode.When(true, null, new MergeNode.Delete()),
                new MergeNode.When(false, null, insert), new MergeNode.When(false, null, new MergeNode.DoNothing())));
        assertEquals("MERGE INTO \"t\" USING (VALUES (\"t\".\"a\")) AS \"v\"(\"a\") ON \"t\".\"a\" = \"t\".\"b\" "
                + "WHEN MATCHED AND \"t\".\"a\" THEN UPDATE SET \"a\" = \"t\".\"b\" WHEN MATCHED THEN DELETE "
                + "WHEN NOT MATCHED THEN INSERT (\"a\") VALUES (\"t\".\"b\") WHEN NOT MATCHED THEN DO NOTHING",
                SqlRenderer.render(merge, SqlRenderer.Style.NUMBERED).sql());
    }
}
