package dev.belay.dsl.internal;

/** How a set operation combines its two queries. */
public enum SetOperator {
    UNION, UNION_ALL, INTERSECT, INTERSECT_ALL, EXCEPT, EXCEPT_ALL
}
