package dev.belay.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.Table;
import dev.belay.dsl.internal.RowScope;
import dev.belay.dsl.internal.SqlRenderer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row values written through a scoped table ({@code ORDER.scoped(ORDER.USER_ID.eq(1L))}) by the row helpers, bulk
 * writes and COPY: a column the scope pins gets the pinned value when the row leaves it null, and a row holding
 * another value is refused before anything is sent.
 */
final class ScopedRows {
    private ScopedRows() {}

    /** Per column, the value the table's scope pins it to (null where none); null when nothing is pinned. */
    static @Nullable Object @Nullable [] pins(Table<?> table, List<? extends Column<?, ?>> columns) {
        RowScope scope = table.rowScope();
        if (scope == null || scope.fixed().isEmpty()) {
            return null;
        }
        Object[] pins = new Object[columns.size()];
        for (int k = 0; k < pins.length; k++) {
            pins[k] = scope.pinnedValue(columns.get(k).name());
        }
        return pins;
    }

    /** The value to write: the pinned one for null, the row's own when it is the pinned one. */
    static Object value(Table<?> table, Column<?, ?> column, Object pin, @Nullable Object value, long row,
                        String what) {
        if (value == null) {
            return pin;
        }
        boolean same = value instanceof BigDecimal d && pin instanceof BigDecimal p ? d.compareTo(p) == 0
                : Objects.equals(value, pin);
        if (!same) {
            throw new IllegalArgumentException(what + ": input row " + row + ", column " + column.name() + " holds "
                    + value + ", but " + table + " is scoped to "
                    + SqlRenderer.inline(Objects.requireNonNull(table.rowScope()).condition()) + ", which fixes it to "
                    + pin + "; leave it null (it is filled in) or give " + pin + ". Nothing was written");
        }
        return value;
    }
}
