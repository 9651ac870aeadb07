package dev.belay.dsl;

import dev.belay.dsl.internal.DeleteNode;
import dev.belay.dsl.internal.FromItem;
import dev.belay.dsl.internal.UpdateNode;
import dev.belay.dsl.internal.WithNode;
import java.util.List;
import java.util.Objects;

/** Starts the data-changing statements for {@link Sql} and {@link With}. */
final class Dml {
    private Dml() {}

    static <R> InsertInto<R> insertInto(Table<R> table, WithNode with) {
        return new InsertInto<>(target(table), with, false);
    }

    static <R> UpdateStep<R> update(Table<R> table, WithNode with) {
        return new UpdateStep<>(table, new UpdateNode(with, item(table), List.of(), List.of(), null, List.of()));
    }

    static <R> DeleteStep<R> deleteFrom(Table<R> table, WithNode with) {
        return new DeleteStep<>(table, new DeleteNode(with, item(table), List.of(), null, List.of()));
    }

    private static <R> Table<R> target(Table<R> table) {
        Objects.requireNonNull(table, "table");
        table.columns(); // a descriptor with no columns fails here, naming the table
        return table;
    }

    private static FromItem.TableItem item(Table<?> table) {
        return (FromItem.TableItem) target(table).fromItem();
    }
}
