package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.belay.dsl.Select;
import dev.belay.dsl.Tuple2;
import dev.belay.executor.DBConnection;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An integer constant as an ORDER BY, GROUP BY or DISTINCT ON item sorts, groups or picks by that constant, never by
 * the select-list item at that position, whether it was written with inline(..) or the renderer inlined a value that
 * the statement repeats. The fixture's users: Alice 30, Bob 17, Carol NULL.
 */
@FixtureDatabase
final class ConstantSortKeysTest {
    private static DBConnection db;

    @BeforeAll
    static void seed(TestDatabase database) {
        database.runScript(FixtureDatabase.SEED);
        db = database.open();
    }

    private static List<String> names(Select<Tuple2<String, Integer>> q) {
        return db.exec(q).stream().map(Tuple2::v1).toList();
    }

    @Test
    void aConstantSortKeyLeavesTheNextKeyToDecide() {
        List<String> byName = List.of("Alice", "Bob", "Carol");
        assertEquals(byName, names(select(USER.NAME, USER.AGE).from(USER).orderBy(inline(2), USER.NAME)));
        assertEquals(byName, names(select(USER.NAME, USER.AGE).from(USER).orderBy(inline(-2), USER.NAME)));
        assertEquals(byName, names(select(USER.NAME, USER.AGE).from(USER).orderBy(value(2).asc(), USER.NAME.asc())));
        // the value 2 also in WHERE: the renderer inlines it in both places
        assertEquals(byName, names(select(USER.NAME, USER.AGE).from(USER).where(USER.AGE.ne(2).or(USER.AGE.isNull()))
                .orderBy(value(2).asc(), USER.NAME.asc())));
    }

    @Test
    void aConstantDistinctOnKeyIsOneGroup() {
        assertEquals(List.of("Alice"), names(select(USER.NAME, USER.AGE).from(USER)
                .where(USER.AGE.ne(2).or(USER.AGE.isNull())).distinctOn(value(2))
                .orderBy(value(2).asc(), USER.NAME.asc())));
    }

    @Test
    void aConstantGroupingKeyChangesNoGroup() {
        assertEquals(3, db.exec(select(USER.NAME, count()).from(USER).groupBy(USER.NAME, inline(2))).size());
        assertEquals(7, db.exec(select(USER.NAME, count()).from(USER).groupBy(rollup(USER.NAME, inline(2)))).size());
    }
}
