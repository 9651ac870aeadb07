package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.NodeTable.NODE;
import static dev.belay.dsl.fixtures.NodeTable.NODE_ARCHIVE;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static dev.belay.dsl.query.QueryAssertions.assertBranches;
import static dev.belay.dsl.query.QueryAssertions.assertFails;
import static dev.belay.dsl.query.QueryAssertions.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.Tuple2;
import dev.belay.dsl.fixtures.NodeTable;
import dev.belay.dsl.fixtures.User;
import dev.belay.dsl.fixtures.UserTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code USER.as("u")} is a UserTable whose typed columns render qualified by the alias. */
final class TypedAliasTest {

    /** A descriptor that overrides as(..) with its own class reaches the alias's columns in one expression. */
    @Test
    void aCovariantAsReachesTheAliasColumnsInOneExpression() {
        assertEquals("SELECT \"u\".\"name\" FROM \"users\" AS \"u\"",
                select(USER.as("u").NAME).from(USER.as("u")).render().sql());
        dev.belay.dsl.fixtures.UserTable u = USER.as("u");
        assertEquals(dev.belay.dsl.fixtures.UserTable.class, u.getClass());
        // a descriptor without the override still aliases; its fields are reached through a variable
        dev.belay.dsl.fixtures.OrderTable o = ORDER.as("o");
        assertEquals("SELECT \"o\".\"total\" FROM \"orders\" AS \"o\"", select(o.TOTAL).from(o).render().sql());
    }

    @Test
    void anAliasIsAnInstanceOfTheDescriptorsClassWithItsColumnsOnTheAlias() {
        UserTable u = USER.as("u");
        assertSame(UserTable.class, u.getClass());
        assertEquals("u", u.alias());
        assertEquals("users", u.name());
        assertEquals("\"u\".\"name\"", u.NAME.toString());
        assertSame(u, u.NAME.table());
        assertNotEquals(USER.NAME, u.NAME);
        assertSame(u.NAME, u.field(USER.NAME));
        assertEquals(List.of(u.ID, u.NAME, u.EMAIL, u.AGE, u.CREATED_AT), u.columns());
        for (int i = 0; i < USER.columns().size(); i++) {
            Column<User, ?> original = USER.columns().get(i);
            Column<User, ?> aliased = u.columns().get(i);
            assertEquals(List.of(original.name(), original.type(), original.property(), original.isNullable(),
                            original.isGenerated(), original.isPrimaryKey()),
                    List.of(aliased.name(), aliased.type(), aliased.property(), aliased.isNullable(),
                            aliased.isGenerated(), aliased.isPrimaryKey()));
        }
        assertEquals(List.of(u.ID), u.primaryKey());
        // the original is untouched
        assertEquals("\"users\".\"name\"", USER.NAME.toString());
        assertEquals(null, USER.alias());
    }

    @Test
    void anAliasKeepsTheOriginalsNameAndCanBeAliasedAgain() {
        NodeTable a = NODE_ARCHIVE.as("a");
        assertEquals("\"node_archive\" AS \"a\"", a.toString());
        assertEquals("SELECT \"a\".\"label\" FROM \"node_archive\" AS \"a\"", select(a.LABEL).from(a).render().sql());
        NodeTable b = a.as("b");
        assertEquals("\"node_archive\" AS \"b\"", b.toString());
        assertEquals("\"b\".\"id\"", b.ID.toString());
    }

    @Test
    void aDerivedDescriptorAliasesAsAPlainTable() {
        Table<dev.belay.dsl.fixtures.Doc> docs = Table.of(dev.belay.dsl.fixtures.Doc.class);
        Table<dev.belay.dsl.fixtures.Doc> d = docs.as("d");
        assertSame(Table.class, d.getClass());
        assertEquals("\"d\".\"body\"", d.field("body", PgType.JSONB).toString());
    }

    /** As today for any table missing from FROM: it renders, and PostgreSQL rejects it (it-tests prove the error). */
    @Test
    void theOriginalsColumnInAQueryOverTheAliasRendersAsAnyColumnOfATableNotInFrom() {
        UserTable u = USER.as("u");
        assertEquals("SELECT \"users\".\"name\" FROM \"users\" AS \"u\"", select(USER.NAME).from(u).render().sql());
        assertEquals("SELECT \"orders\".\"id\" FROM \"users\"", select(ORDER.ID).from(USER).render().sql());
    }

    @Test
    void aQueryOverATypedAliasBranchesAndRendersTheSameTwice() {
        UserTable u = USER.as("u");
        Select<Tuple2<String, String>> base = select(USER.NAME, u.NAME).from(USER).join(u).on(u.ID.ne(USER.ID));
        String sql = "SELECT \"users\".\"name\", \"u\".\"name\" FROM \"users\" JOIN \"users\" AS \"u\" "
                + "ON \"u\".\"id\" <> \"users\".\"id\"";
        assertBranches(base, expect(sql),
                base.where(u.AGE.gt(USER.AGE)), expect(sql + " WHERE \"u\".\"age\" > \"users\".\"age\""),
                base.orderBy(u.NAME.desc()), expect(sql + " ORDER BY \"u\".\"name\" DESC"));
        UserTable again = USER.as("u");
        assertEquals(base.render().sql(), select(USER.NAME, again.NAME).from(USER).join(again).on(again.ID.ne(USER.ID))
                .render().sql(), "a fresh alias of the same name renders the same");
    }

    // ---- descriptors that cannot be re-created -----------------------------------------------

    record Thing(String value) {}

    static final class NoAliasConstructor extends Table<Thing> {
        final Column<Thing, String> value = column("value", PgType.TEXT);

        NoAliasConstructor() {
            super("things", Thing.class);
        }
    }

    @Test
    void aDescriptorWithoutTheAliasConstructorIsToldWhatToAdd() {
        assertFails(IllegalStateException.class, () -> new NoAliasConstructor().as("t"), "\"things\"",
                NoAliasConstructor.class.getName(), "private NoAliasConstructor(Alias alias) { super(alias); }");
    }

    /** Its columns come from constructor arguments, so only a plain alias can be made of it. */
    static final class Dynamic extends Table<Thing> {
        final Column<Thing, String> key;

        Dynamic(String table, String column) {
            super(table, Thing.class);
            key = column(column, PgType.TEXT);
        }
    }

    @Test
    void aDescriptorThatCannotBeRecreatedHasAPlainAlias() {
        Dynamic d = new Dynamic("things", "k");
        assertFails(IllegalStateException.class, () -> d.as("o"), Dynamic.class.getName(), "asPlain(..)", "field(..)");
        Table<Thing> o = d.asPlain("o");
        assertSame(Table.class, o.getClass());
        assertEquals("SELECT \"o\".\"k\" FROM \"things\" AS \"o\" JOIN \"things\" ON \"o\".\"k\" = \"things\".\"k\"",
                select(o.field(d.key)).from(o).join(d).on(o.field(d.key).eq(d.key)).render().sql());
        UserTable u = USER.as("u");
        assertEquals("\"u\".\"name\"", USER.asPlain("u").field(USER.NAME).toString());
        assertEquals(u.NAME, USER.asPlain("u").field(USER.NAME));
    }

    @Test
    void anAnonymousDescriptorIsToldToBecomeANamedClass() {
        Table<Thing> anonymous = new Table<>("things", Thing.class) {
            final Column<Thing, String> value = column("value", PgType.TEXT);
        };
        assertFails(IllegalStateException.class, () -> anonymous.as("t"), "\"things\"", "anonymous", "named");
    }

    /** Declares its columns from constructor state, which the alias constructor does not have. */
    static final class Conditional extends Table<Thing> {
        final Column<Thing, String> value;

        Conditional(boolean other) {
            super("things", Thing.class);
            value = column(other ? "other" : "value", PgType.TEXT);
        }

        Conditional(Alias alias) {
            super(alias);
            value = column("other", PgType.TEXT);
        }
    }

    @Test
    void anAliasConstructorThatDeclaresOtherColumnsIsRefused() {
        assertFails(IllegalStateException.class, () -> new Conditional(false).as("t"), Conditional.class.getName(),
                "[other text]", "[value text]", "super(alias)");
        assertEquals("\"t\".\"other\"", new Conditional(true).as("t").columns().get(0).toString());
    }

    static final class Throwing extends Table<Thing> {
        final Column<Thing, String> value = column("value", PgType.TEXT);

        Throwing() {
            super("things", Thing.class);
        }

        Throwing(Alias alias) {
            super(alias);
            throw new UnsupportedOperationException("no aliases here");
        }
    }

    @Test
    void anAliasConstructorThatThrowsIsReported() {
        IllegalStateException e = assertFails(IllegalStateException.class, () -> new Throwing().as("t"),
                Throwing.class.getName(), "no aliases here");
        assertEquals(UnsupportedOperationException.class, e.getCause().getClass());
    }

    @Test
    void theAliasIsCheckedBeforeTheDescriptorIsRecreated() {
        assertFails(IllegalArgumentException.class, () -> new NoAliasConstructor().as("a\0b"), "NUL");
    }

    // ---- threads -----------------------------------------------------------------------------

    @Test
    void aliasesBuiltConcurrentlyFromManyThreadsAreEachComplete() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        // half the threads share alias names, so equal aliases are made at the same moment too
                        String alias = "a" + (thread % 2 == 0 ? i : thread * 1000 + i);
                        UserTable a = USER.as(alias);
                        NodeTable n = NODE.as(alias + "_n");
                        out.add(select(a.NAME, n.LABEL).from(a).join(n).on(n.ID.eq(a.ID)).where(a.AGE.ge(i))
                                .render().sql());
                        out.add(alias);
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : work) {
                List<String> out = f.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < out.size(); i += 2) {
                    String a = out.get(i + 1);
                    assertEquals("SELECT \"" + a + "\".\"name\", \"" + a + "_n\".\"label\" FROM \"users\" AS \"" + a
                            + "\" JOIN \"nodes\" AS \"" + a + "_n\" ON \"" + a + "_n\".\"id\" = \"" + a + "\".\"id\" "
                            + "WHERE \"" + a + "\".\"age\" >= ?", out.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
