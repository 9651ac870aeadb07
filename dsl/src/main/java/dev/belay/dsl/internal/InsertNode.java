package dev.belay.dsl.internal;

import dev.belay.dsl.internal.FromItem.TableItem;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INSERT INTO table (columns) [OVERRIDING SYSTEM VALUE] source [ON CONFLICT ...] [RETURNING ...]}.
 * Each {@code withX} returns a copy with one part replaced.
 */
public record InsertNode(
        WithNode with,
        TableItem table,
        List<String> columns,
        boolean overridingSystemValue,
        Source source,
        @Nullable ConflictNode conflict,
        List<Expr> returning) implements DmlNode {

    public InsertNode {
        columns = Lists.immutable(columns);
        returning = Lists.immutable(returning);
    }

    /** Where the inserted rows come from. */
    public sealed interface Source {}

    /** {@code VALUES (...), (...)}: one list of expressions per row, each as long as the column list. */
    public record Values(List<List<Expr>> rows) implements Source {
        public Values {
            // built row by row by the builders, each row already an immutable copy: keep it, or chaining is n²
            rows = rows instanceof AppendList<?> || rows instanceof ArrayView<?> ? rows : copy(rows);
        }

        private static List<List<Expr>> copy(List<List<Expr>> rows) {
            List<List<Expr>> copies = new ArrayList<>(rows.size());
            for (List<Expr> row : rows) {
                copies.add(List.copyOf(row));
            }
            return List.copyOf(copies);
        }
    }

    /** {@code SELECT ...} (or any query). */
    public record FromQuery(QueryNode query) implements Source {}

    /** {@code DEFAULT VALUES}. */
    public record DefaultValues() implements Source {}

    public InsertNode withSource(List<String> cols, Source s) {
        return new InsertNode(with, table, cols, overridingSystemValue, s, conflict, returning);
    }

    public InsertNode withConflict(@Nullable ConflictNode c) {
        return new InsertNode(with, table, columns, overridingSystemValue, source, c, returning);
    }

    @Override
    public InsertNode withReturning(List<Expr> r) {
        return new InsertNode(with, table, columns, overridingSystemValue, source, conflict, r);
    }

    @Override
    public InsertNode withWith(WithNode w) {
        return new InsertNode(w, table, columns, overridingSystemValue, source, conflict, returning);
    }
}
