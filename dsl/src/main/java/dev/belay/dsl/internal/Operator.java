package dev.belay.dsl.internal;

/**
 * The binary operators Belay writes. Only {@link SqlRenderer} turns them into text, so a builder can never put
 * an arbitrary string between two operands.
 */
public enum Operator {
    EQ, NE, LT, LE, GT, GE,
    IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM,
    IN, NOT_IN,
    LIKE, NOT_LIKE, ILIKE, NOT_ILIKE,
    /** {@code ~}, {@code ~*}, {@code !~}, {@code !~*}: POSIX regular expressions. */
    REGEX, REGEX_I, NOT_REGEX, NOT_REGEX_I,
    SIMILAR_TO, NOT_SIMILAR_TO,
    /** {@code @>} and {@code <@}: containment of arrays, jsonb and ranges. */
    CONTAINS, CONTAINED_BY,
    /** {@code &&}. */
    OVERLAPS,
    /** {@code ||}: text and array concatenation. */
    CONCAT,
    /** {@code ->}, {@code ->>}: a json member or element. */
    JSON_GET, JSON_GET_TEXT,
    /** {@code ?}, {@code ?|}, {@code ?&}: jsonb key existence; pgjdbc needs them doubled. */
    JSON_HAS_KEY, JSON_HAS_ANY_KEY, JSON_HAS_ALL_KEYS,
    PLUS, MINUS, TIMES, DIVIDE, MOD
}
