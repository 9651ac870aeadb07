package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.MergeNode;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A MERGE whose last WHEN clause is an UPDATE or an INSERT that can take more columns:
 * {@code .whenNotMatched().thenInsert(USER.NAME, v.v1()).set(USER.EMAIL, v.v2())} renders
 * {@code WHEN NOT MATCHED THEN INSERT ("name", "email") VALUES ("v"."name", "v"."email")}.
 *
 * @param <R> the row type of the table merged into
 */
public final class MergeSet<R> extends Merge<R> {

    MergeSet(Statement statement, Table<R> target) {
        super(statement, target);
    }

    /** One more column of the last clause's UPDATE SET or INSERT: {@code .set(USER.AGE, v.v3())}. */
    public <T> MergeSet<R> set(Column<R, T> column, Field<T> value) {
        return add(column, Assignments.field(this::describe, value));
    }

    /** One more column with a bound value: {@code .set(USER.AGE, 0)} adds {@code "age" = ?} (or {@code ?} to VALUES). */
    public <T> MergeSet<R> set(Column<R, T> column, @Nullable T value) {
        return add(column, Assignments.value(this::describe, column, value));
    }

    private MergeSet<R> add(Column<R, ?> column, Expr value) {
        MergeNode node = node();
        List<MergeNode.When> whens = new ArrayList<>(node.whens());
        MergeNode.When last = whens.remove(whens.size() - 1);
        MergeNode.Action action = last.action();
        if (action instanceof MergeNode.Update u) {
            action = new MergeNode.Update(Assignments.add(this::describe, target(), u.set(), column, value));
        } else if (action instanceof MergeNode.Insert i) {
            action = new MergeNode.Insert(Assignments.add(this::describe, target(), i.values(), column, value));
        } else {
            throw new IllegalStateException(describe() + ": set(...) follows thenUpdate(...) or thenInsert(...), "
                    + "not " + action);
        }
        whens.add(last.withAction(action));
        return new MergeSet<>(statement().withNode(node.withWhens(whens)), target());
    }
}
