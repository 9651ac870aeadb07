package dev.belay.it.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.executor.DBConnection;
import dev.belay.executor.NoRowException;
import dev.belay.executor.RawSql;
import dev.belay.executor.TooManyRowsException;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code db.sql(...)}: placeholders, binding and mapping by column label, on the seeded fixture. */
@FixtureDatabase
final class RawSqlTest {
    record UserMail(Long userId, String emailAddress) {}

    public static final class UserBean {
        private Long id;
        private String fullName;

        public Long getId() {
            return id;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }
    }

    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) throws Exception {
        t.runScript(FixtureDatabase.SEED);
        db = t.open();
    }

    @Test
    void namedPlaceholders() {
        assertEquals(List.of("Alice"), db.sql("select name from users where id = :id").bind("id", 1L)
                .fetch(String.class));
        // the same name twice binds both
        assertEquals(List.of("Bob"), db.sql("select name from users where id = :id and :id > 0").bind("id", 2L)
                .fetch(String.class));
        assertThrows(IllegalArgumentException.class, () -> db.sql("select :a").bind("b", 1));
        assertThrows(IllegalArgumentException.class, () -> db.sql("select :a").bind("a", (Object) null));
        assertEquals(Optional.of(true), db.sql("select :a is null").bindNull("a", PgType.INT4).first(Boolean.class));
    }

    @Test
    void positionalPlaceholders() {
        assertEquals(List.of("Alice", "Carol"), db.sql("select name from users where id = ? or id = ? order by id")
                .bind(1, 3L).bind(2, 1L).fetch(String.class));
        assertThrows(IllegalArgumentException.class, () -> db.sql("select ?").bind(2, 1));
        assertThrows(IllegalArgumentException.class, () -> db.sql("select :a").bind(1, 1));
        assertEquals(List.of(true), db.sql("select ? is null").bind(1, null, PgType.TEXT).fetch(Boolean.class));
    }

    @Test
    void mixingPlaceholderKindsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.sql("select name from users where id = :id or id = ?"));
        assertTrue(e.getMessage().contains("mixes"), e.getMessage());
    }

    @Test
    void castsQuotesCommentsAndDollarQuotesAreNotPlaceholders() {
        RawSql sql = db.sql("select :v::int8 + 1 as x, ':x' as lit, \":y\" as \"q\", $$ :z ? $$ as dollar, "
                + "'{\"a\":1}'::jsonb ?? 'a' as has -- :comment ?\n from (select 1 as \":y\") s /* :c ? */");
        assertThrows(IllegalArgumentException.class, () -> sql.bind("x", 1L));
        assertThrows(IllegalArgumentException.class, () -> sql.bind("y", 1L));
        assertThrows(IllegalArgumentException.class, () -> sql.bind("z", 1L));
        Row row = sql.bind("v", 41L).one(Row.class);
        assertEquals(42L, row.get("x"));
        assertEquals(":x", row.get("lit"));
        assertEquals(1, row.get("q"));
        assertEquals(" :z ? ", row.get("dollar"));
        assertEquals(true, row.get("has"));
    }

    @Test
    void unboundPlaceholderIsAnError() {
        IllegalStateException named = assertThrows(IllegalStateException.class,
                () -> db.sql("select :a::int4 + :b::int4").bind("a", 1).fetch(Integer.class));
        assertTrue(named.getMessage().contains(":b"), named.getMessage());
        IllegalStateException positional = assertThrows(IllegalStateException.class,
                () -> db.sql("select ?::int4 + ?::int4").bind(1, 1).execute());
        assertTrue(positional.getMessage().contains("?2"), positional.getMessage());
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void rowsByLabel() {
        List<Row> rows = db.sql("select id + 0 as id, name as who, age, created_at from users order by id").fetch(Row.class);
        assertEquals(3, rows.size());
        assertEquals(1L, rows.get(0).get("id"));
        assertEquals("Alice", rows.get(0).get("who"));
        assertEquals(30, rows.get(0).get("age"));
        assertEquals(null, rows.get(2).get("age"));
        assertTrue(rows.get(0).get("created_at") instanceof java.time.Instant, String.valueOf(rows.get(0).get("created_at")));
        assertThrows(IllegalArgumentException.class, () -> rows.get(0).get("name"));
    }

    @Test
    void recordsAndBeansBySnakeCaseLabels() {
        List<UserMail> mails = db.sql("select email as email_address, id as user_id from users where id <= :max order by id")
                .bind("max", 2L).fetch(UserMail.class);
        assertEquals(List.of(new UserMail(1L, "alice@example.org"), new UserMail(2L, "bob@example.org")), mails);

        UserBean bean = db.sql("select id, name as full_name from users where id = 3").one(UserBean.class);
        assertEquals(3L, bean.getId());
        assertEquals("Carol", bean.getFullName());
    }

    @Test
    void scalarsAndOne() {
        assertEquals("Carol", db.sql("select name from users where id = :id").bind("id", 3L).one(String.class));
        assertEquals(3L, db.sql("select count(*) from users").one(Long.class));
        assertThrows(NoRowException.class, () -> db.sql("select name from users where id = 99").one(String.class));
        assertThrows(TooManyRowsException.class, () -> db.sql("select name from users").one(String.class));
        assertEquals(Optional.empty(), db.sql("select name from users where id = 99").first(String.class));
    }

    @Test
    void executeGivesTheUpdateCount() {
        assertEquals(2, db.sql("update users set age = age where id in (:a, :b)").bind("a", 1L).bind("b", 2L).execute());
        assertEquals(0, db.sql("update users set age = age where id = ?").bind(1, 99L).execute());
        assertEquals(0, db.sql("create temporary table if not exists scratch (n int)").execute());
    }

    /**
     * execute() runs any statement for what it does: one that returns rows gives how many it returned, which are
     * dropped. It never reports as failed a statement that ran (pgjdbc knows a statement returns rows only once it
     * has run).
     */
    @Test
    void executeRunsAStatementThatReturnsRowsAndCountsThem() {
        assertEquals(1, db.sql("select id from users where id = :id").bind("id", 1L).execute());
        assertEquals(3, db.sql("select id from users").execute());
        assertEquals(1, db.sql("select pg_advisory_lock(:k)").bind("k", 42L).execute());
        assertEquals(Boolean.TRUE, db.sql("select pg_advisory_unlock(:k)").bind("k", 42L).one(Boolean.class));
        db.sql("create table if not exists raw_exec_items (id bigserial primary key, name text not null)").execute();
        db.sql("truncate raw_exec_items").execute();
        assertEquals(2, db.sql("insert into raw_exec_items (name) values ('a'), ('b') returning id").execute());
        db.useTransaction(tx -> assertEquals(1, tx.sql("update raw_exec_items set name = 'c' where name = 'a' "
                + "returning id").execute()));
        assertEquals(List.of("b", "c"), db.sql("select name from raw_exec_items order by name").fetch(String.class));
        // a procedure with an INOUT parameter returns a row, which its text does not show
        db.sql("create or replace procedure raw_exec_add(inout n int) language plpgsql as $$ "
                + "begin insert into raw_exec_items (name) values ('from ' || n); n := n + 1; end $$").execute();
        assertEquals(1, db.sql("call raw_exec_add(1)").execute());
        assertEquals(1, db.sql("select count(*) from raw_exec_items where name = 'from 1'").one(Long.class));
        assertEquals(0, db.poolStats().active());
    }

    /** A SET of the session would stay on the pooled connection for the next borrower; SET LOCAL ends with its transaction. */
    @Test
    void aSetOfTheSessionIsRefusedAndSetLocalDoesNotOutliveItsTransaction(TestDatabase t) {
        try (DBConnection one = t.open(c -> c.poolSize(1))) {
            String before = one.sql("select current_setting('search_path')").one(String.class);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> one.sql("SET search_path TO pg_catalog"));
            assertTrue(e.getMessage().contains("SET LOCAL"), e.getMessage());
            one.useTransaction(tx -> {
                tx.sql("SET LOCAL search_path TO pg_catalog").execute();
                assertEquals("pg_catalog", tx.sql("select current_setting('search_path')").one(String.class));
            });
            assertEquals(before, one.sql("select current_setting('search_path')").one(String.class));
        }
    }

    /** A raw COMMIT inside a transaction would commit part of it while the transaction may yet roll back. */
    @Test
    void transactionControlIsRefusedSoATransactionStaysWhole() {
        db.sql("create table if not exists raw_exec_items (id bigserial primary key, name text not null)").execute();
        db.sql("truncate raw_exec_items").execute();
        assertThrows(IllegalStateException.class, () -> db.useTransaction(tx -> {
            tx.sql("insert into raw_exec_items (name) values ('before')").execute();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tx.sql("COMMIT"));
            assertTrue(e.getMessage().contains("controls the transaction"), e.getMessage());
            throw new IllegalStateException("the body fails after all");
        }));
        assertEquals(0, db.sql("select count(*) from raw_exec_items").one(Long.class));
        assertThrows(IllegalArgumentException.class, () -> db.sql("BEGIN"));
        assertEquals(0, db.poolStats().active());
    }

    @Test
    void rawSqlIsImmutable() {
        RawSql base = db.sql("select name from users where id = :id");
        RawSql alice = base.bind("id", 1L);
        RawSql bob = base.bind("id", 2L);
        assertEquals("Alice", alice.one(String.class));
        assertEquals("Bob", bob.one(String.class));
        assertThrows(IllegalStateException.class, () -> base.fetch(String.class));
    }

    /**
     * Regression: Row reads by ResultSetMetaData.getColumnTypeName, which pgjdbc reports as "bigserial" / "serial" for
     * identity and serial columns, so Readers.natural falls back to String for users.id.
     */
    @Test
    void rowReadsAnIdentityColumnAsLong() {
        Row row = db.sql("select id from users where id = 1").one(Row.class);
        assertEquals(1L, row.get("id"));
    }
}
