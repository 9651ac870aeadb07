package dev.belay.dsl;

/**
 * Something that can stand in ORDER BY: a {@link Field} (ascending) or a {@link SortField}
 * ({@code orderBy(USER.NAME, USER.AGE.desc())}); in a query's own ORDER BY also a {@link ResultColumn}
 * (ascending) or a {@link ResultSort} ({@code orderBy(resultColumn("n").desc())}).
 */
public sealed interface SortItem permits Field, SortField, ResultColumn, ResultSort {}
