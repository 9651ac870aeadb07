package dev.belay.dsl;

/**
 * Something that can stand in GROUP BY: a {@link Field}, or a {@link GroupingSet} such as {@code rollup(a, b)}.
 * {@code groupBy(ORDER.STATUS, rollup(ORDER.USER_ID, ORDER.ID))}.
 */
public sealed interface GroupItem permits Field, GroupingSet {}
