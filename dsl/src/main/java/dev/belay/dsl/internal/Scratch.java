package dev.belay.dsl.internal;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The text buffer renderings write into: one per thread, taken and given back, so that a rendering neither allocates
 * a builder nor grows it again and again (a join's text outgrows a fresh builder twice). A rendering that starts
 * while another holds the thread's buffer (one that builds a message mid-way) gets a new one.
 */
final class Scratch {
    /** A buffer grown past this by one huge statement is dropped, not kept for the thread's life. */
    private static final int KEEP = 16 * 1024;
    private static final ThreadLocal<@Nullable StringBuilder> FREE = new ThreadLocal<>();

    private Scratch() {}

    /** An empty buffer; hand it back with {@link #giveBack} in a {@code finally}, and use no text of it after that. */
    static StringBuilder take() {
        StringBuilder text = FREE.get();
        if (text == null) {
            return new StringBuilder(256);
        }
        FREE.set(null);
        return text;
    }

    static void giveBack(StringBuilder text) {
        if (text.capacity() <= KEEP) {
            text.setLength(0);
            FREE.set(text);
        }
    }
}
