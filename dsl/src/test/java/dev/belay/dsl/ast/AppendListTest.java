package dev.belay.dsl.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.belay.dsl.PgType;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.AppendList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain's operand list is a plain immutable List: equal to any list of the same items, loops, no recursion. */
final class AppendListTest {

    private static Expr item(int i) {
        return new Expr.Bind(i, PgType.INT4);
    }

    @Test
    void longChainsCompareHashAndPrintWithoutRecursion() {
        AppendList<Expr> chain = AppendList.of(List.of(item(0)));
        List<Expr> plain = new ArrayList<>(List.of(item(0)));
        for (int i = 1; i < 200_000; i++) {
            chain = chain.append(item(i));
            plain.add(item(i));
        }
        AppendList<Expr> again = AppendList.of(plain);
        assertEquals(plain, chain);
        assertEquals(chain, again);
        assertEquals(plain.hashCode(), chain.hashCode());
        assertEquals(plain.toString(), chain.toString());
        Expr.Logical a = new Expr.Logical(Expr.Logical.Op.AND, chain);
        Expr.Logical b = new Expr.Logical(Expr.Logical.Op.AND, again);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new Expr.Logical(Expr.Logical.Op.AND, again.append(item(-1))));
    }

    @Test
    void itIsImmutableAndEachListKeepsItsSize() {
        AppendList<Expr> one = AppendList.of(List.of(item(1)));
        AppendList<Expr> two = one.append(item(2));
        AppendList<Expr> other = one.append(item(3));
        assertEquals(List.of(item(1)), one);
        assertEquals(List.of(item(1), item(2)), two);
        assertEquals(List.of(item(1), item(3)), other);
        assertThrows(UnsupportedOperationException.class, () -> two.add(item(4)));
        assertThrows(IndexOutOfBoundsException.class, () -> one.get(1));
    }

    @Test
    void branchesBuiltConcurrentlyEachGetTheirOwnItems() throws InterruptedException {
        AppendList<Expr> base = AppendList.of(List.of(item(0)));
        List<AppendList<Expr>> results = new ArrayList<>(List.of(base, base, base, base));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                AppendList<Expr> l = base;
                for (int i = 0; i < 10_000; i++) {
                    l = l.append(item(id * 100_000 + i));
                }
                synchronized (results) {
                    results.set(id, l);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        for (int t = 0; t < 4; t++) {
            AppendList<Expr> l = results.get(t);
            assertEquals(10_001, l.size());
            assertEquals(item(0), l.get(0));
            for (int i = 0; i < 10_000; i++) {
                assertEquals(item(t * 100_000 + i), l.get(i + 1));
            }
        }
    }

    /** A Logical node keeps the chain's list as it is: copying it there would make and() chains quadratic again. */
    @Test
    void aLogicalNodeDoesNotCopyTheChain() {
        AppendList<Expr> chain = AppendList.of(List.of(item(0))).append(item(1));
        assertSame(chain, new Expr.Logical(Expr.Logical.Op.AND, chain).operands());
    }

    /** VALUES rows built by chained values(..) calls are kept as they are, like an and() chain. */
    @Test
    void valuesKeepTheRowsAsBuilt() {
        AppendList<List<Expr>> rows = AppendList.<List<Expr>>of(List.of(List.of(item(0)))).append(List.of(item(1)));
        assertSame(rows, new dev.belay.dsl.internal.InsertNode.Values(rows).rows());
    }
}
