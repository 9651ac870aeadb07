package dev.belay.dsl;

import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Expr.Func;
import dev.belay.dsl.internal.FunctionName.Builtin;
import dev.belay.dsl.internal.Grouping;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions, named windows and the grouping sets of GROUP BY, reached through {@link Sql}.
 */
abstract class Analytics {
    Analytics() {}

    // ---- window functions --------------------------------------------------------------------

    /**
     * {@code ntile(4).over(window().orderBy(ORDER.TOTAL))} renders {@code ntile(?) OVER (ORDER BY "orders"."total" ASC)}:
     * the row's bucket, 1 to 4, of buckets as equal in size as the partition allows.
     *
     * @throws IllegalArgumentException when {@code buckets} is not positive
     */
    public static WindowFunction<Integer> ntile(int buckets) {
        return new WindowFunction<>(Func.of(Builtin.NTILE, positive("ntile", "buckets", buckets)), PgType.INT4);
    }

    /** {@code percentRank().over(w)} renders {@code percent_rank() OVER (w)}: (rank - 1) / (rows - 1), from 0 to 1. */
    public static WindowFunction<Double> percentRank() {
        return new WindowFunction<>(Func.of(Builtin.PERCENT_RANK), PgType.FLOAT8);
    }

    /** {@code cumeDist().over(w)} renders {@code cume_dist() OVER (w)}: the share of rows up to the row's last peer. */
    public static WindowFunction<Double> cumeDist() {
        return new WindowFunction<>(Func.of(Builtin.CUME_DIST), PgType.FLOAT8);
    }

    /** {@code firstValue(ORDER.TOTAL).over(w)} renders {@code first_value("orders"."total") OVER (w)}: the frame's first. */
    public static <T> WindowFunction<T> firstValue(Field<T> field) {
        return new WindowFunction<>(Func.of(Builtin.FIRST_VALUE, field.unaliased()), field.type());
    }

    /**
     * {@code lastValue(ORDER.TOTAL).over(w)} renders {@code last_value("orders"."total") OVER (w)}: the frame's last
     * value. The default frame ends at the current row's last peer, so over the whole partition it needs
     * {@code rowsBetween(unboundedPreceding(), unboundedFollowing())}.
     */
    public static <T> WindowFunction<T> lastValue(Field<T> field) {
        return new WindowFunction<>(Func.of(Builtin.LAST_VALUE, field.unaliased()), field.type());
    }

    /**
     * {@code nthValue(ORDER.TOTAL, 2).over(w)} renders {@code nth_value("orders"."total", ?) OVER (w)}: the frame's
     * n-th value (from 1), NULL when the frame is shorter.
     *
     * @throws IllegalArgumentException when {@code n} is not positive
     */
    public static <T> WindowFunction<T> nthValue(Field<T> field, int n) {
        return new WindowFunction<>(Func.of(Builtin.NTH_VALUE, field.unaliased(), positive("nthValue", "n", n)),
                field.type());
    }

    /**
     * A window to define once in a SELECT's WINDOW clause and use by name; see {@link NamedWindow}:
     * {@code window("w", partitionBy(ORDER.USER_ID))} with {@code .window(w)} on the query renders
     * {@code WINDOW "w" AS (PARTITION BY "orders"."user_id")}, and {@code rowNumber().over(w)}
     * {@code row_number() OVER "w"}.
     */
    public static NamedWindow window(String name, WindowSpec definition) {
        return new NamedWindow(name, definition);
    }

    // ---- grouping sets -----------------------------------------------------------------------

    /**
     * {@code groupBy(rollup(ORDER.USER_ID, ORDER.STATUS))} renders {@code GROUP BY ROLLUP ("orders"."user_id",
     * "orders"."status")}: the groups of both, subtotals per user and the grand total.
     */
    public static GroupingSet rollup(Field<?>... fields) {
        return grouping("rollup", Grouping.Kind.ROLLUP, fields);
    }

    /** {@code groupBy(cube(a, b))} renders {@code GROUP BY CUBE (a, b)}: the groups of every subset of the fields. */
    public static GroupingSet cube(Field<?>... fields) {
        return grouping("cube", Grouping.Kind.CUBE, fields);
    }

    /**
     * {@code groupBy(groupingSets(set(a, b), set(a), set()))} renders {@code GROUP BY GROUPING SETS ((a, b), (a), ())}:
     * the rows grouped each of those ways. Sets may also be rollups, cubes or nested grouping sets.
     */
    public static GroupingSet groupingSets(GroupingSet... sets) {
        if (sets.length == 0) {
            throw new IllegalArgumentException("groupingSets(): name at least one set; set() is the grand total");
        }
        List<Expr> items = new ArrayList<>(sets.length);
        for (GroupingSet s : sets) {
            items.add(s.node());
        }
        return new GroupingSet(new Grouping(Grouping.Kind.GROUPING_SETS, items));
    }

    /** One set of {@code groupingSets}: {@code set(a, b)} renders {@code (a, b)}; {@code set()} {@code ()}, the grand total. */
    public static GroupingSet set(Field<?>... fields) {
        return new GroupingSet(new Grouping(Grouping.Kind.SET, nodes(fields)));
    }

    /**
     * {@code grouping(ORDER.USER_ID, ORDER.STATUS)} renders {@code grouping("orders"."user_id", "orders"."status")}:
     * a bit mask, one bit per field from the right-most, set when the row's grouping set leaves that field out
     * (its NULL is a subtotal's, not the data's). The fields must be GROUP BY items.
     */
    public static Field<Integer> grouping(Field<?>... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("grouping(): name at least one GROUP BY field");
        }
        return new Expression<>(Func.of(Builtin.GROUPING, nodes(fields)), PgType.INT4);
    }

    private static GroupingSet grouping(String name, Grouping.Kind kind, Field<?>[] fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException(name + "(): name at least one field to group by");
        }
        return new GroupingSet(new Grouping(kind, nodes(fields)));
    }

    private static List<Expr> nodes(Field<?>[] fields) {
        List<Expr> nodes = new ArrayList<>(fields.length);
        for (Field<?> f : fields) {
            nodes.add(f.unaliased());
        }
        return nodes;
    }

    private static Expr positive(String function, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(function + "(" + value + "): " + name + " must be at least 1");
        }
        return new Expr.Bind(value, PgType.INT4);
    }
}
