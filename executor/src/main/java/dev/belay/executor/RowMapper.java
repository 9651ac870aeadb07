package dev.belay.executor;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Turns the current row into a {@code T}; built once per query shape by {@link RowMappers}. */
@FunctionalInterface
interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
