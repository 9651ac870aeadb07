package dev.belay.dsl.golden;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.User;
import java.math.BigDecimal;
import java.util.List;

/** SELECT clauses: projections, FROM, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, DISTINCT. */
final class SelectGoldens {
    private SelectGoldens() {}

    static final String USER_COLS = "\"users\".\"id\", \"users\".\"name\", \"users\".\"email\", \"users\".\"age\", "
            + "\"users\".\"created_at\"";

    static List<Golden> cases() {
        return List.of(
                Golden.of("select row type", select(User.class),
                        "SELECT " + USER_COLS + " FROM \"users\""),
                Golden.of("select table", select(USER),
                        "SELECT " + USER_COLS + " FROM \"users\""),
                Golden.of("select derived descriptor with schema", select(Doc.class),
                        "SELECT \"docs\".\"id\", \"docs\".\"body\", \"docs\".\"is_public\" FROM \"app\".\"docs\""),
                Golden.of("where and order", select(User.class).where(USER.AGE.ge(18)).where(USER.NAME.eq("Alice"))
                                .orderBy(USER.NAME.asc()),
                        "SELECT " + USER_COLS + " FROM \"users\" WHERE (\"users\".\"age\" >= ?) AND "
                                + "(\"users\".\"name\" = ?) ORDER BY \"users\".\"name\" ASC", 18, "Alice"),
                Golden.of("group by having", select(USER.NAME, count()).from(USER).groupBy(USER.NAME)
                                .having(count().gt(1L)),
                        "SELECT \"users\".\"name\", count(*) FROM \"users\" GROUP BY \"users\".\"name\" "
                                + "HAVING count(*) > ?", 1L),
                Golden.of("join limit", select(ORDER.ID, USER.NAME).from(ORDER).join(USER).on(ORDER.USER_ID.eq(USER.ID))
                                .where(ORDER.TOTAL.gt(new BigDecimal("100"))).limit(50),
                        "SELECT \"orders\".\"id\", \"users\".\"name\" FROM \"orders\" JOIN \"users\" ON "
                                + "\"orders\".\"user_id\" = \"users\".\"id\" WHERE \"orders\".\"total\" > ? LIMIT ?",
                        new BigDecimal("100"), 50L));
    }
}
