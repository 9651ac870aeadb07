package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value expression in the AST: pure data, rendered only by {@link SqlRenderer}. No node holds SQL text
 * written by a builder: operators, keywords and function names are constants the renderer spells, and
 * every name is an identifier the renderer quotes. The one exception, {@link ServerSql}, holds text that
 * PostgreSQL itself produced.
 */
public sealed interface Expr permits Expr.ColumnRef, Expr.Bind, Expr.Slot, Expr.Constant, Expr.Position, Keyword, Expr.Binary,
        Expr.Postfix, Expr.Prefix, Expr.Logical, Expr.Between, Expr.Quantified, Expr.Func, Expr.Cast, Expr.Alias,
        Expr.Subquery, Expr.RowValue, Expr.ArrayOf, Expr.Excluded, Expr.ServerSql, Expr.Case,
        DatePartLiteral, Extract, Grouping {

    /**
     * {@code "qualifier"."name"}, or {@code "name"} when the qualifier is null. {@code sql} is that text, quoted once
     * when the reference is made (a descriptor's column is made once and rendered in every statement that uses it).
     */
    record ColumnRef(@Nullable String qualifier, String name, String sql) implements Expr {
        public ColumnRef(@Nullable String qualifier, String name) {
            this(qualifier, name, qualifier == null ? Identifiers.quote(name)
                    : Identifiers.quote(qualifier) + "." + Identifiers.quote(name));
        }
    }

    /**
     * A value sent as a bind parameter; null only where SQL NULL is meaningful (IS DISTINCT FROM, SET).
     * {@code origin} says what the value is for ({@code insert into "users": column users.name}) so that a
     * value refused at execution names its column; it is built only on failure and is not part of equality.
     */
    record Bind(@Nullable Object value, PgType<?> type, @Nullable Supplier<String> origin) implements Expr {
        public Bind(@Nullable Object value, PgType<?> type) {
            this(value, type, null);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Bind b && Objects.equals(b.value, value) && b.type.equals(type);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value) * 31 + type.hashCode();
        }
    }

    /**
     * A named slot whose value is supplied later by {@code bind}. {@code comparedIn} is set where the slot is an
     * operand of a comparison ({@code eq(param)}), whose NULL would silently match nothing: it says where
     * ({@code eq(:age) on users.age}), so binding NULL is refused naming it. It is not part of equality.
     */
    record Slot(ParamKey key, @Nullable Supplier<String> comparedIn) implements Expr {
        public Slot(ParamKey key) {
            this(key, null);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Slot s && s.key == key;
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /**
     * A value written into the SQL text, {@code Sql.inline(5)}: only a value {@link SafeLiteral} has a literal
     * for, checked here so that no other can be built.
     */
    record Constant(Object value, PgType<?> type) implements Expr {
        public Constant {
            if (SafeLiteral.of(value, type) == null) {
                throw new IllegalArgumentException("no safe literal for " + value + " as " + type);
            }
        }
    }

    /** An output column by its position from 1, {@code GROUP BY 2}; only in GROUP BY and a SELECT's ORDER BY. */
    record Position(int index) implements Expr {}

    /** {@code left op right}. */
    record Binary(Expr left, Operator op, Expr right) implements Expr {}

    /** {@code operand IS [NOT] NULL}. */
    record Postfix(Expr operand, Op op) implements Expr {
        /** The postfix operators. */
        public enum Op { IS_NULL, IS_NOT_NULL }
    }

    /** {@code NOT operand}, {@code [NOT] EXISTS (subquery)}. */
    record Prefix(Op op, Expr operand) implements Expr {
        /** The prefix operators. */
        public enum Op { NOT, EXISTS, NOT_EXISTS }
    }

    /** Operands joined by AND or OR; never empty (empty conditions are folded to TRUE/FALSE). */
    record Logical(Op op, List<Expr> operands) implements Expr {
        /** The logical connectives. */
        public enum Op { AND, OR }

        public Logical {
            // an AppendList is immutable already, and copying it would make chained and() quadratic again
            operands = operands instanceof AppendList<?> ? operands : List.copyOf(operands);
            if (operands.isEmpty()) {
                throw new IllegalArgumentException(op + " of no operands");
            }
        }
    }

    /** {@code e [NOT] BETWEEN lo AND hi}. */
    record Between(Expr operand, Expr low, Expr high, boolean not) implements Expr {}

    /** {@code left op ANY(right)} or {@code left op ALL(right)}. */
    record Quantified(Expr left, Operator op, Quantifier quantifier, Expr right) implements Expr {
        /** Whether the comparison must hold for some or for every element. */
        public enum Quantifier { ANY, ALL }
    }

    /**
     * A function call: {@code name([DISTINCT] args [ORDER BY ...]) [WITHIN GROUP (ORDER BY ...)]
     * [FILTER (WHERE filter)] [OVER (window)]}. {@code star} renders {@code name(*)}.
     */
    record Func(FunctionName name, List<Expr> args, boolean distinct, boolean star,
                @Nullable Expr filter, @Nullable WindowDef over, @Nullable AggregateOrder order) implements Expr {
        public Func {
            args = List.copyOf(args);
            if (order != null && (star || over != null)) {
                throw new IllegalArgumentException("an aggregate ORDER BY cannot go with " + (star ? "(*)" : "OVER"));
            }
            if (order != null && order.placement() == AggregateOrder.Placement.IN_ARGUMENTS && args.isEmpty()) {
                throw new IllegalArgumentException("an aggregate ORDER BY inside the call needs an argument before it");
            }
        }

        /** A call without an aggregate ORDER BY. */
        public Func(FunctionName name, List<Expr> args, boolean distinct, boolean star,
                    @Nullable Expr filter, @Nullable WindowDef over) {
            this(name, args, distinct, star, filter, over, null);
        }

        /** {@code name(args)}: a plain call. */
        public static Func of(FunctionName name, List<Expr> args) {
            return new Func(name, args, false, false, null, null);
        }

        /** {@code name(args...)}: a plain call. */
        public static Func of(FunctionName name, Expr... args) {
            return of(name, List.of(args));
        }

        public Func withFilter(Expr f) {
            return new Func(name, args, distinct, star, f, over, order);
        }

        public Func withOver(WindowDef w) {
            return new Func(name, args, distinct, star, filter, w, order);
        }

        public Func withDistinct(boolean d) {
            return new Func(name, args, d, star, filter, over, order);
        }

        public Func withOrder(AggregateOrder o) {
            return new Func(name, args, distinct, star, filter, over, o);
        }
    }

    /** {@code CAST(operand AS type)}. */
    record Cast(Expr operand, PgType<?> type) implements Expr {}

    /** {@code operand AS "alias"} in a select list; elsewhere just the operand. */
    record Alias(Expr operand, String alias) implements Expr {}

    /** {@code (SELECT ...)}. */
    record Subquery(QueryNode query) implements Expr {}

    /** A row constructor {@code (a, b, c)}. */
    record RowValue(List<Expr> items) implements Expr {
        public RowValue {
            items = List.copyOf(items);
        }
    }

    /** {@code ARRAY[a, b]}. */
    record ArrayOf(List<Expr> items, PgType<?> type) implements Expr {
        public ArrayOf {
            items = List.copyOf(items);
        }
    }

    /** {@code EXCLUDED."column"} in an ON CONFLICT update. */
    record Excluded(String column) implements Expr {}

    /**
     * An expression PostgreSQL itself wrote, rendered in parentheses as it is: a column's DEFAULT read from the
     * catalog with {@code pg_get_expr}, which bulk inserts evaluate per row to know each row's generated values
     * before inserting it. Never built from a user string.
     */
    record ServerSql(String sql) implements Expr {}

    /**
     * {@code CASE WHEN c THEN v ... ELSE e END}, or with an operand the simple form
     * {@code CASE operand WHEN match THEN v ... END}; one THEN per WHEN, at least one of each.
     */
    record Case(@Nullable Expr operand, List<Expr> whens, List<Expr> thens, @Nullable Expr otherwise)
            implements Expr {
        /** The searched form: each WHEN is a condition. */
        public Case(List<Expr> whens, List<Expr> thens, @Nullable Expr otherwise) {
            this(null, whens, thens, otherwise);
        }

        public Case {
            whens = List.copyOf(whens);
            thens = List.copyOf(thens);
            if (whens.isEmpty() || whens.size() != thens.size()) {
                throw new IllegalArgumentException("CASE needs one THEN per WHEN and at least one WHEN, has "
                        + whens.size() + " WHEN and " + thens.size() + " THEN");
            }
        }
    }
}
