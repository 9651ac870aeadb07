package dev.belay.dsl.internal;

/** The SQL keywords that stand as a value: {@code TRUE}, {@code FALSE}, {@code DEFAULT}, {@code CURRENT_DATE}. */
public enum Keyword implements Expr {
    TRUE, FALSE, DEFAULT, CURRENT_DATE
}
