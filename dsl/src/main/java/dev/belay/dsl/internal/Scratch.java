package dev.belay.dsl.internal;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The text buffers renderings write into: a few per thread, taken and given back, so that a rendering neither
 * allocates a builder nor grows it again and again (a join's text outgrows a fresh builder twice). A statement's
 * rendering may render a part of it alone meanwhile (to match ORDER BY items to the select list), hence more than
 * one; a thread that needs more at once gets new ones.
 */
final class Scratch {
    /** A buffer grown past this by one huge statement is dropped, not kept for the thread's life. */
    private static final int KEEP = 16 * 1024;
    private static final ThreadLocal<Scratch> FREE = ThreadLocal.withInitial(Scratch::new);

    private final @Nullable StringBuilder[] free = new StringBuilder[2];
    private int count;

    private Scratch() {}

    /** An empty buffer; hand it back with {@link #giveBack} in a {@code finally}, and use no text of it after that. */
    static StringBuilder take() {
        Scratch s = FREE.get();
        StringBuilder text = s.count > 0 ? s.free[--s.count] : null;
        if (text == null) {
            return new StringBuilder(256);
        }
        s.free[s.count] = null;
        return text;
    }

    static void giveBack(StringBuilder text) {
        Scratch s = FREE.get();
        if (s.count < s.free.length && text.capacity() <= KEEP) {
            text.setLength(0);
            s.free[s.count++] = text;
        }
    }
}
