package dev.belay.dsl;

/**
 * Something that can stand in ORDER BY: a {@link Field} (ascending) or a {@link SortField}.
 * {@code orderBy(USER.NAME, USER.AGE.desc())}.
 */
public sealed interface SortItem permits Field, SortField {}
