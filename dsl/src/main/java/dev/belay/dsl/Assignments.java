package dev.belay.dsl;

import dev.belay.dsl.internal.Assignment;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Keyword;
import dev.belay.dsl.internal.Lists;
import dev.belay.dsl.internal.RowScope;
import java.util.List;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Checks the values written to columns by INSERT, UPDATE and ON CONFLICT DO UPDATE, before any SQL exists. */
final class Assignments {
    private Assignments() {}

    /** A value to insert: NULL in a column the table's scope pins means "the scope's value", filled at render. */
    static Expr insertValue(Supplier<String> statement, Table<?> table, Column<?, ?> column, @Nullable Object value) {
        RowScope scope = table.rowScope();
        if (value == null && scope != null && scope.fixedValue(column.name()) != null) {
            return Keyword.DEFAULT;
        }
        return value(statement, column, value);
    }

    /**
     * A value for {@code column} as a bind parameter. NULL is refused for a column its descriptor does not
     * mark nullable: PostgreSQL would reject it anyway, later and without naming the Java call. The statement's
     * description is a supplier, built only when something is refused: making it for every value of a 100-row insert
     * was a large part of building one.
     */
    static Expr value(Supplier<String> statement, Column<?, ?> column, @Nullable Object value) {
        if (column == null) {
            throw new IllegalArgumentException(statement.get() + ": a column is null");
        }
        if (value == null) {
            if (!column.isNullable()) {
                throw new IllegalArgumentException(statement.get() + ": column " + name(column) + " is not nullable, "
                        + "so it cannot be set to NULL (mark it nullable() in the descriptor if the database allows NULL)");
            }
        } else if (!column.type().javaType().isInstance(value)) {
            throw new IllegalArgumentException(statement.get() + ": column " + name(column) + " holds "
                    + column.type().javaType().getSimpleName() + " but the value is a "
                    + value.getClass().getName() + ": " + value);
        }
        return NulText.bind(() -> statement.get() + ": column " + name(column), value, column.type());
    }

    /** An expression written to {@code column}; its type was checked by the compiler. */
    static Expr field(Supplier<String> statement, Field<?> value) {
        if (value == null) {
            throw new IllegalArgumentException(statement.get() + ": the value field is null; to write NULL use setNull(column)");
        }
        return value.unaliased();
    }

    /** {@code set} plus one assignment, refusing a second assignment to the same column. */
    static List<Assignment> add(Supplier<String> statement, Table<?> target, List<Assignment> set, Column<?, ?> column,
                                Expr value) {
        requireColumnOf(statement, target, column);
        for (int i = 0; i < set.size(); i++) { // indexed: an iterator per assignment was a share of building
            if (set.get(i).column().equals(column.name())) {
                throw new IllegalArgumentException(statement.get() + ": column " + name(column) + " is set twice");
            }
        }
        return Lists.plus(set, new Assignment(column.name(), value));
    }

    /**
     * The compiler checks the row type, but two descriptors may share one (an archive table of the same
     * rows), so the column must also exist by name in the table written to.
     */
    static void requireColumnOf(Supplier<String> statement, Table<?> target, Column<?, ?> column) {
        requireColumn(statement, column);
        List<? extends Column<?, ?>> columns = target.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == column) {
                return; // the table's own column, the usual case: found without comparing names
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column<?, ?> c = columns.get(i);
            if (c.name().equals(column.name())) {
                if (!c.type().equals(column.type())) {
                    throw new IllegalArgumentException(statement.get() + ": column " + Assignments.name(c) + " has type "
                            + c.type() + ", but the column given, " + name(column) + ", has type " + column.type());
                }
                return;
            }
        }
        throw new IllegalArgumentException(statement.get() + ": table " + target + " has no column \"" + column.name() + "\"");
    }

    static void requireColumn(Supplier<String> statement, @Nullable Column<?, ?> column) {
        if (column == null) {
            throw new IllegalArgumentException(statement.get() + ": a column is null");
        }
    }

    static String name(Column<?, ?> column) {
        return column.table().name() + "." + column.name();
    }
}
