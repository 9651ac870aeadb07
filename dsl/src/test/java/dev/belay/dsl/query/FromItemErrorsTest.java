package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertFails;

import dev.belay.dsl.Field;
import dev.belay.dsl.MergeOn;
import dev.belay.dsl.PgType;
import dev.belay.dsl.RowValue2;
import dev.belay.dsl.ValuesTable2;
import dev.belay.dsl.fixtures.User;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad VALUES lists, set-returning functions, row values and MERGE shapes are refused while building, by name. */
final class FromItemErrorsTest {
    private static final ValuesTable2<String, String> V = values(row("Ann", "ann@x.org")).as("v", "name", "email");

    private static MergeOn<User> merge() {
        return mergeInto(USER).using(V).on(USER.EMAIL.eq(V.v2()));
    }

    @Test
    void rowOfValuesRefusesNullsAndFields() {
        assertFails(IllegalArgumentException.class, () -> row("a", (Integer) null),
                "row(...) item 2 is null", "value(null, PgType.INT4)");
        assertFails(IllegalArgumentException.class, () -> row((Object) USER.NAME, 3),
                "item 1 is the field \"users\".\"name\"", "row(USER.NAME, value(3))");
        assertFails(IllegalArgumentException.class, () -> row((Field<String>) null, USER.AGE), "item 1 is null");
        assertFails(IllegalArgumentException.class, () -> row(List.of(1), 2), "no default PostgreSQL type");
    }

    @Test
    void rowInRefusesNullListsAndRows() {
        RowValue2<String, Integer> r = row(USER.NAME, USER.AGE);
        assertFails(IllegalArgumentException.class, () -> r.in((List<RowValue2<String, Integer>>) null),
                "in(null)", "empty one matches no row");
        assertFails(IllegalArgumentException.class, () -> r.in(Arrays.asList(row("a", 1), null)), "row 1 of the list is null");
        assertFails(IllegalArgumentException.class, () -> r.eq(null), "compared with a null row");
    }

    @Test
    void valuesRefusesMixedTypesAndBadNames() {
        assertFails(IllegalArgumentException.class,
                () -> values(row(value("a", PgType.VARCHAR), value(1)), row("b", 2)).as("v", "name", "n"),
                "row 2 column \"name\" is text, but row 1 makes the column varchar");
        assertFails(IllegalArgumentException.class, () -> values(row("a", 1), row("b", 2L)).as("v", "name", "n"),
                "row 2 column \"n\" is int8, but row 1 makes the column int4");
        assertFails(IllegalArgumentException.class, () -> values(row("a", 1)).as("v", "name"),
                "the rows have 2 items, so name 2 columns");
        assertFails(IllegalArgumentException.class, () -> values(row("a", 1)).as("v", "x", "x"), "\"x\" is named twice");
        assertFails(IllegalArgumentException.class, () -> values(row("a", 1)).as("", "x", "y"), "values alias");
        assertFails(IllegalArgumentException.class, () -> values(row("a", 1), (RowValue2<String, Integer>) null),
                "row 2 is null");
    }

    @Test
    void setFunctionsRefuseWhatPostgresqlWould() {
        assertFails(IllegalArgumentException.class, () -> unnest(new ArrayList<Integer>()),
                "no element to take the array's type from", "unnest(values, PgType.INT4)");
        assertFails(IllegalArgumentException.class, () -> unnest((List<Integer>) null), "unnest(null)");
        assertFails(IllegalArgumentException.class, () -> generateSeries(1, 5, 0), "the step is 0");
        assertFails(IllegalArgumentException.class,
                () -> generateSeries(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), Duration.ZERO), "the step is PT0S");
        assertFails(IllegalArgumentException.class,
                () -> generateSeries(LocalDate.of(2024, 1, 1), null, Duration.ofDays(1)), "bounds and step are required");
        assertFails(IllegalArgumentException.class, () -> generateSeries(value(1.0), value(2.0)),
                "series of int4, int8 and numeric, not float8");
        assertFails(IllegalStateException.class, () -> generateSeries(1, 3).as("s").ordinality(),
                "generate_series AS \"s\" has no ordinality column", "withOrdinality()");
        assertFails(IllegalArgumentException.class, () -> unnest(List.of(1)).withOrdinality().as("u", "n", "n"),
                "unnest AS \"u\": the value and ordinality columns are both named \"n\"");
    }

    @Test
    void mergeRefusesUnreachableClausesAndBadAssignments() {
        assertFails(IllegalStateException.class, () -> merge().whenMatched().thenDelete().whenMatched().thenDoNothing(),
                "merge into \"users\"", "WHEN MATCHED clause follows an unconditional WHEN MATCHED clause",
                "whenMatchedAnd(...)");
        assertFails(IllegalStateException.class,
                () -> merge().whenNotMatched().thenDoNothing().whenNotMatchedAnd(V.v1().eq("x")).thenDoNothing(),
                "WHEN NOT MATCHED clause follows an unconditional WHEN NOT MATCHED clause");
        assertFails(IllegalArgumentException.class,
                () -> merge().whenMatched().thenUpdate(USER.NAME, V.v1()).set(USER.NAME, "x"), "users.name is set twice");
        assertFails(IllegalArgumentException.class,
                () -> merge().whenNotMatched().thenInsert(USER.NAME, (String) null), "users.name is not nullable");
        assertFails(IllegalArgumentException.class, () -> merge().whenMatchedAnd(null), "whenMatchedAnd(null)");
        assertFails(IllegalArgumentException.class, () -> mergeInto(USER).using(null), "using(null)");
        assertFails(IllegalArgumentException.class, () -> mergeInto(NODE).using(USER).on(null), "merge into \"nodes\": on(null)");
    }
}
