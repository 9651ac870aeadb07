package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.insertInto;
import static dev.belay.dsl.fixtures.UserTable.USER;

import dev.belay.dsl.Insert;
import dev.belay.dsl.fixtures.User;

/** What the INSERT and the other DML error tests share: one valid row to start from. */
final class DmlErrorFixtures {
    private DmlErrorFixtures() {}

    /** The users table as error messages quote it. */
    static final String USERS = "\"users\"";

    /** A complete, valid users row: a statement built from it fails only for the misuse under test. */
    static final User BOB = new User(null, "Bob", "bob@x.org", 30, null);

    /** A valid one-row insert of {@link #BOB}: the base that ON CONFLICT, RETURNING and set(...) misuse starts from. */
    static Insert<User> bob() {
        return insertInto(USER).values(BOB);
    }
}
