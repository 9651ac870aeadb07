package dev.belay.dsl.internal;

import java.util.function.Predicate;

/**
 * Whether a result query fills a record by position, as {@code into(Record.class)} promises, rather than a table's
 * row type by property name: for the executor, which must not map the one like the other. Only the dsl package can
 * see a query's projection, so it installs the test, once, when its projections are first used.
 */
public final class ResultMapping {
    private static volatile Predicate<Object> byPosition = query -> false;
    private static volatile boolean installed;

    private ResultMapping() {}

    /** Installs the dsl package's test; refused a second time. */
    public static synchronized void install(Predicate<Object> test) {
        if (installed) {
            throw new IllegalStateException("ResultMapping is installed once, by the dsl package");
        }
        byPosition = test;
        installed = true;
    }

    /** True for {@code select(...).into(Record.class)} and {@code returning(...).into(Record.class)}. */
    public static boolean byPosition(Object query) {
        return byPosition.test(query);
    }
}
