package dev.belay.executor;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Reads one column of the current row as one Java type; chosen once per query shape, called per row. */
@FunctionalInterface
interface Reader {
    @Nullable Object read(ResultSet rs, int column) throws SQLException;
}
