package dev.belay.dsl.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs a rendering whose recursion follows the statement's nesting. Almost every statement is shallow and renders on
 * the caller's thread. One nested deeper than {@link #SHALLOW} levels (a generated filter of thousands of alternating
 * AND/OR, a chain of {@code plus} calls) would risk the caller's stack, whose size Belay does not know, so it is
 * rendered again on a thread of Belay's own with a stack sized for {@link #MAX_DEPTH} levels. Beyond that the
 * statement is refused with an {@link IllegalArgumentException}: PostgreSQL's own parser gives up far earlier (its
 * {@code max_stack_depth}), so no statement that could run is refused. A {@link StackOverflowError} never reaches
 * the user, and none is ever caught: the depth is counted, not discovered.
 */
final class Nesting {
    private Nesting() {}

    /**
     * Levels rendered on the caller's thread: a level takes three renderer frames of up to ~600 bytes before the JIT
     * compiles them, so 64 levels fit in 128 KB, well inside the smallest stacks threads are given in practice.
     */
    static final int SHALLOW = 64;

    /** The deepest nesting Belay renders. */
    static final int MAX_DEPTH = 100_000;

    /** Each level takes a few renderer frames; this leaves ample room on 64-bit JVMs, committed only as used. */
    private static final long DEEP_STACK_BYTES = 1L << 30;

    /** Thrown by a renderer that went past its depth limit; it carries no stack trace, it is control flow. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Runs {@code work(limit)}: on this thread with {@link #SHALLOW}, else on a deep-stack thread with {@link #MAX_DEPTH}. */
    static <T> T render(IntFunction<T> work) {
        try {
            return work.apply(SHALLOW);
        } catch (TooDeep shallow) {
            return onDeepStack(work);
        }
    }

    /** Runs {@code work(MAX_DEPTH)} on a deep-stack thread: for a statement that threw TooDeep at SHALLOW. */
    static <T> T onDeepStack(IntFunction<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.apply(MAX_DEPTH));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "belay-deep-render", DEEP_STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // rendering is short and must finish: keep waiting, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof TooDeep) {
            throw new IllegalArgumentException("the statement nests expressions or subqueries more than " + MAX_DEPTH
                    + " levels deep, which Belay does not render (PostgreSQL refuses far less deep ones: "
                    + "max_stack_depth); build long AND/OR lists with and(conditions...)/or(conditions...), which stay flat, or pass "
                    + "many values as one array with in(collection)");
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
