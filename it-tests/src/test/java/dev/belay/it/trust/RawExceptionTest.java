package dev.belay.it.trust;

import static dev.belay.dsl.Sql.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.BindException;
import dev.belay.executor.Converter;
import dev.belay.executor.DBConnection;
import dev.belay.executor.MappingException;
import dev.belay.executor.TypeRegistry;
import dev.belay.it.FixtureDatabase;
import dev.belay.test.TestDatabase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 16, case 11: no raw JDK exception escapes exec/one/fetch. A value that cannot be read is a
 * {@link MappingException}, one that cannot be sent a {@link BindException}; the user's own exception (a record
 * constructor's, a converter's) is kept as the cause.
 */
@FixtureDatabase
final class RawExceptionTest {
    /** An application type stored as text; the converter refuses what is not an address. */
    record Email(String value) {}

    static final Converter<String, Email> EMAIL = Converter.of(String.class, Email.class, text -> {
        if (!text.contains("@")) {
            throw new IllegalArgumentException("not an email address: " + text);
        }
        return new Email(text);
    }, email -> {
        if (email.value().isBlank()) {
            throw new IllegalStateException("a blank email cannot be stored");
        }
        return email.value();
    });

    record Account(Integer id, Email email, Instant seen) {}

    static final class Accounts extends Table<Account> {
        static final Accounts A = new Accounts();
        final Column<Account, Integer> id = column("id", PgType.INT4).primaryKey();
        final Column<Account, Email> email = column("email", PgType.custom("text", Email.class));
        final Column<Account, Instant> seen = column("seen", PgType.TIMESTAMPTZ).nullable();

        private Accounts() {
            super("accounts", Account.class);
        }
    }

    record Tag(String label) {}

    /** The accounts table again, with its text column (wrongly) declared uuid. */
    static final class Misdeclared extends Table<Tag> {
        static final Misdeclared M = new Misdeclared();
        final Column<Tag, UUID> email = column("email", PgType.UUID);

        private Misdeclared() {
            super("accounts", Tag.class);
        }
    }

    /** A record whose compact constructor validates. */
    record Positive(Integer n) {
        Positive {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive, got " + n);
            }
        }
    }

    /** A class whose setter validates. */
    static final class Counter {
        private Integer n;

        public void setN(Integer n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n);
            }
            this.n = n;
        }

        Integer n() {
            return n;
        }
    }

    /** A class whose no-argument constructor throws. */
    static final class Unbuildable {
        public Integer n;

        Unbuildable() {
            throw new UnsupportedOperationException("not today");
        }
    }

    private static final Accounts A = Accounts.A;
    private static DBConnection db;

    @BeforeAll
    static void open(TestDatabase t) {
        t.execute("CREATE TABLE accounts (id int4 PRIMARY KEY, email text NOT NULL, seen timestamptz); "
                + "INSERT INTO accounts (id, email) VALUES (1, 'ann@example.org'), (2, 'not-an-address')");
        db = t.open(b -> b.types(TypeRegistry.defaults().with(EMAIL)));
    }

    private static <X extends Throwable> X thrown(Class<X> type, Executable call) {
        X e = assertThrows(type, call);
        assertEquals(0, db.poolStats().active());
        return e;
    }

    @Test
    void readingNeverThrowsARawJdkException() {
        MappingException e = thrown(MappingException.class, () -> db.sql("select 'x'::text").one(UUID.class));
        assertTrue(e.getMessage().contains("java.util.UUID"), e.getMessage());
        // even a text that spells a UUID: the column's type decides
        thrown(MappingException.class,
                () -> db.sql("select '6f1c2a8e-0d7b-4c1e-9f3a-2b5d8c9e0a11'::text as id").one(UUID.class));
        thrown(MappingException.class, () -> db.sql("select 'x'::text as id").fetch(UUID.class));
        // a descriptor that declares the text column uuid
        Misdeclared m = Misdeclared.M;
        MappingException dsl = thrown(MappingException.class, () -> db.exec(select(m.email).from(m)));
        assertTrue(dsl.getMessage().contains("\"email\" (text)"), dsl.getMessage());
        throwingConstructorsAndSetters();
        throwingConverterFromDb();
    }

    @Test
    void bindingNeverThrowsARawJdkException() {
        Instant nearMax = Instant.MAX.minusSeconds(1);
        Instant nearMin = Instant.MIN.plusSeconds(1);
        for (Instant bad : List.of(nearMax, nearMin)) {
            BindException insert = thrown(BindException.class,
                    () -> db.exec(insertInto(A).columns(A.id, A.email, A.seen).values(9, new Email("b@x.org"), bad)));
            assertTrue(insert.getMessage().contains("column accounts.seen"), insert.getMessage());
            thrown(BindException.class, () -> db.exec(update(A).set(A.seen, bad).where(A.id.eq(1))));
            thrown(BindException.class, () -> db.exec(select(A.id).from(A).where(A.seen.lt(bad))));
            BindException raw = thrown(BindException.class,
                    () -> db.sql("select count(*) from accounts where seen < :t").bind("t", bad).one(Long.class));
            assertTrue(raw.getMessage().contains("placeholder :t"), raw.getMessage());
            thrown(BindException.class, () -> db.sql("select ?::timestamptz").bind(1, bad).one(Instant.class));
        }
        thrown(BindException.class, () -> db.sql("select ?::timestamptz").bind(1, OffsetDateTime.MAX.minusSeconds(1))
                .one(Instant.class));
        thrown(BindException.class, () -> db.sql("select ?::timestamp").bind(1, LocalDateTime.MAX.minusSeconds(1))
                .one(LocalDateTime.class));
        assertEquals("0", db.sql("select count(*)::text from accounts where seen is not null").one(String.class));
        throwingConverterToDb();
    }

    /** The user's exception from a record's constructor, a class's constructor or setter is the cause. */
    private static void throwingConstructorsAndSetters() {
        assertEquals(new Positive(5), db.sql("select 5 as n").one(Positive.class));
        MappingException raw = thrown(MappingException.class, () -> db.sql("select -1 as n").one(Positive.class));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, raw.getCause());
        assertEquals("n must be positive, got -1", cause.getMessage());
        assertTrue(raw.getMessage().contains(Positive.class.getName()), raw.getMessage());
        // the DSL's into(record) builds the record the same way
        MappingException dsl = thrown(MappingException.class, () -> db.exec(select(value(-2)).into(Positive.class)));
        assertEquals("n must be positive, got -2", assertInstanceOf(IllegalArgumentException.class,
                dsl.getCause()).getMessage());
        // and classes: a throwing setter, a throwing constructor
        assertEquals(3, db.sql("select 3 as n").one(Counter.class).n());
        MappingException setter = thrown(MappingException.class, () -> db.sql("select -3 as n").one(Counter.class));
        assertEquals("negative count -3", assertInstanceOf(IllegalArgumentException.class,
                setter.getCause()).getMessage());
        MappingException constructor = thrown(MappingException.class,
                () -> db.sql("select 1 as n").one(Unbuildable.class));
        assertEquals("not today", assertInstanceOf(UnsupportedOperationException.class,
                constructor.getCause()).getMessage());
    }

    /** A converter that refuses a value: a BindException naming the column or placeholder, its exception the cause. */
    private static void throwingConverterToDb() {
        Email blank = new Email(" ");
        BindException dsl = thrown(BindException.class,
                () -> db.exec(insertInto(A).columns(A.id, A.email).values(9, blank)));
        assertTrue(dsl.getMessage().contains("column accounts.email"), dsl.getMessage());
        assertEquals("a blank email cannot be stored",
                assertInstanceOf(IllegalStateException.class, dsl.getCause()).getMessage());
        BindException where = thrown(BindException.class, () -> db.exec(select(A.id).from(A).where(A.email.eq(blank))));
        assertInstanceOf(IllegalStateException.class, where.getCause());
        BindException raw = thrown(BindException.class, () -> db.sql("insert into accounts (id, email) values (9, :e)")
                .bind("e", blank, PgType.custom("text", Email.class)).execute());
        assertTrue(raw.getMessage().contains("placeholder :e"), raw.getMessage());
        assertInstanceOf(IllegalStateException.class, raw.getCause());
        assertEquals(2L, db.sql("select count(*) from accounts").one(Long.class), "nothing was inserted");
        // a value the converter accepts is written through it
        assertEquals(1, db.exec(update(A).set(A.email, new Email("ann@example.com")).where(A.id.eq(1))));
        assertEquals("ann@example.com", db.sql("select email from accounts where id = 1").one(String.class));
    }

    /** A converter that refuses a stored value: a MappingException naming the column, its exception the cause. */
    private static void throwingConverterFromDb() {
        assertEquals(new Email("b@x.org"), db.sql("select 'b@x.org'::text as email").one(Email.class));
        MappingException raw = thrown(MappingException.class,
                () -> db.sql("select 'no-at-sign'::text as email").one(Email.class));
        assertEquals("not an email address: no-at-sign",
                assertInstanceOf(IllegalArgumentException.class, raw.getCause()).getMessage());
        assertTrue(raw.getMessage().contains("\"email\""), raw.getMessage());
        MappingException dsl = thrown(MappingException.class, () -> db.exec(select(A.email).from(A)));
        assertInstanceOf(IllegalArgumentException.class, dsl.getCause());
        MappingException row = thrown(MappingException.class, () -> db.exec(select(A).where(A.id.eq(2))));
        assertInstanceOf(IllegalArgumentException.class, row.getCause());
        assertTrue(row.getMessage().contains("Account.email"), row.getMessage());
        // a NULL never reaches the converter
        assertNull(db.sql("select null::text as email").one(Email.class));
    }
}
