package dev.belay.dsl.internal;

import dev.belay.dsl.internal.FromItem.TableItem;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code MERGE INTO target USING source ON on WHEN ...}: the WHEN clauses in the order written. PostgreSQL 15's
 * MERGE has no RETURNING, so it is a row-count statement only.
 */
public record MergeNode(WithNode with, TableItem target, FromItem source, Expr on, List<When> whens)
        implements QueryNode {

    public MergeNode {
        whens = List.copyOf(whens);
        if (whens.isEmpty()) {
            throw new IllegalArgumentException("MERGE needs at least one WHEN clause");
        }
    }

    /** {@code WHEN [NOT] MATCHED [AND condition] THEN action}. */
    public record When(boolean matched, @Nullable Expr condition, Action action) {
        public When {
            boolean forMatched = action instanceof Update || action instanceof Delete;
            boolean forNotMatched = action instanceof Insert;
            if (matched ? forNotMatched : forMatched) {
                throw new IllegalArgumentException("WHEN " + (matched ? "MATCHED" : "NOT MATCHED") + " cannot "
                        + action.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
            }
        }

        public When withAction(Action a) {
            return new When(matched, condition, a);
        }
    }

    /** What a WHEN clause does. */
    public sealed interface Action {}

    /** {@code UPDATE SET "column" = value, ...}; never empty. */
    public record Update(List<Assignment> set) implements Action {
        public Update {
            set = List.copyOf(set);
            if (set.isEmpty()) {
                throw new IllegalArgumentException("a MERGE UPDATE sets at least one column");
            }
        }
    }

    /** {@code DELETE}. */
    public record Delete() implements Action {}

    /** {@code INSERT ("column", ...) VALUES (value, ...)}, one value per column; never empty. */
    public record Insert(List<Assignment> values) implements Action {
        public Insert {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a MERGE INSERT writes at least one column");
            }
        }
    }

    /** {@code DO NOTHING}. */
    public record DoNothing() implements Action {}

    public MergeNode withWhens(List<When> w) {
        return new MergeNode(with, target, source, on, w);
    }
}
