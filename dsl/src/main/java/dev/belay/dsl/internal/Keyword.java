package dev.belay.dsl.internal;

/**
 * The SQL keywords that stand as a value: {@code TRUE}, {@code FALSE}, {@code DEFAULT}, {@code CURRENT_DATE},
 * {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}.
 */
public enum Keyword implements Expr {
    TRUE, FALSE, DEFAULT, CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP
}
