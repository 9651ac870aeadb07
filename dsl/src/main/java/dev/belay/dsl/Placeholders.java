package dev.belay.dsl;

/** How placeholders are written in rendered SQL. */
public enum Placeholders {
    /** {@code ?}, as JDBC expects; jsonb's {@code ?} operators are written {@code ??}. */
    JDBC,
    /** {@code $1 .. $n}, as PostgreSQL's protocol, psql's PREPARE and other drivers write them. */
    NUMBERED
}
