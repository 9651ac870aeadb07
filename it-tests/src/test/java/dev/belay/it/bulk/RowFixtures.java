package dev.belay.it.bulk;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.test.TestDatabase;
import java.time.Instant;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The tables and row types of the row-helper tests: a single-column key ({@code accounts}, derived from its
 * record or classes with {@code Table.of}), a composite key ({@code order_lines}, hand-written descriptors), a
 * table without a primary key, and one whose descriptor claims a key the database does not enforce.
 */
final class RowFixtures {
    private RowFixtures() {}

    static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    static final String SCHEMA = "CREATE TABLE accounts (id int8 PRIMARY KEY, name text NOT NULL UNIQUE, email text, "
            + "balance int4 NOT NULL CHECK (balance >= 0), created_at timestamptz NOT NULL DEFAULT now()); "
            + "CREATE TABLE order_lines (order_id int8, line_no int4, product text NOT NULL, qty int4 NOT NULL "
            + "CHECK (qty > 0), note text, PRIMARY KEY (order_id, line_no)); "
            + "CREATE TABLE order_lines_archive (LIKE order_lines INCLUDING ALL); "
            + "CREATE TABLE notes (id int8, body text NOT NULL); "
            + "CREATE TABLE tags (id int8 NOT NULL, label text NOT NULL)"; // no PRIMARY KEY: id repeats below

    /** Puts every table back to the same rows; called before each test. */
    static void reset(TestDatabase db) {
        db.execute("TRUNCATE accounts, order_lines, order_lines_archive, notes, tags; "
                + "INSERT INTO accounts VALUES (1, 'ann', 'ann@x.org', 100, '" + CREATED + "'), "
                + "(2, 'bob', NULL, 50, '" + CREATED + "'), (3, 'cy', 'cy@x.org', 0, '" + CREATED + "'); "
                + "INSERT INTO order_lines VALUES (10, 1, 'apple', 3, 'ripe'), (10, 2, 'pear', 1, NULL), "
                + "(11, 1, 'apple', 7, NULL); "
                + "INSERT INTO order_lines_archive VALUES (10, 1, 'old apple', 1, NULL); "
                + "INSERT INTO notes VALUES (1, 'hello'); "
                + "INSERT INTO tags VALUES (1, 'a'), (1, 'b'), (2, 'c')");
    }

    // ---- accounts: single-column key, descriptors derived with Table.of ---------------------------

    /** A record: {@code Table.of(Account.class)}. */
    @dev.belay.dsl.annotations.Table("accounts")
    public record Account(@Id Long id, String name, @Nullable String email, int balance,
                          @Generated Instant createdAt) {}

    /** A class with private fields, getters and setters; every setter call is counted. */
    @dev.belay.dsl.annotations.Table("accounts")
    public static final class SetterAccount {
        @Id
        private Long id;
        private String name;
        private @Nullable String email;
        private int balance;
        @Generated
        private Instant createdAt;
        private transient int setterCalls;

        public SetterAccount() {}

        SetterAccount(Long id, String name, @Nullable String email, int balance, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.email = email;
            this.balance = balance;
            this.createdAt = createdAt;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
            setterCalls++;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
            setterCalls++;
        }

        public @Nullable String getEmail() {
            return email;
        }

        public void setEmail(@Nullable String email) {
            this.email = email;
            setterCalls++;
        }

        public int getBalance() {
            return balance;
        }

        public void setBalance(int balance) {
            this.balance = balance;
            setterCalls++;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public void setCreatedAt(Instant createdAt) {
            this.createdAt = createdAt;
            setterCalls++;
        }

        int setterCalls() {
            return setterCalls;
        }
    }

    // ---- order_lines: composite key, hand-written descriptors ---------------------------------

    public record OrderLine(Long orderId, Integer lineNo, String product, Integer qty, @Nullable String note) {}

    /** {@code order_lines}, keyed by (order_id, line_no). */
    static final class OrderLineTable extends Table<OrderLine> {
        static final OrderLineTable LINE = new OrderLineTable("order_lines");
        /** The same rows in another table: its columns are not {@link #LINE}'s. */
        static final OrderLineTable ARCHIVE = new OrderLineTable("order_lines_archive");

        final Column<OrderLine, Long> ORDER_ID = column("order_id", PgType.INT8).primaryKey();
        final Column<OrderLine, Integer> LINE_NO = column("line_no", PgType.INT4).primaryKey();
        final Column<OrderLine, String> PRODUCT = column("product", PgType.TEXT);
        final Column<OrderLine, Integer> QTY = column("qty", PgType.INT4);
        final Column<OrderLine, String> NOTE = column("note", PgType.TEXT).nullable();

        private OrderLineTable(String name) {
            super(name, OrderLine.class);
        }

        private OrderLineTable(Alias alias) {
            super(alias);
        }
    }

    /** Public fields only, no setters: {@code Table.of(FieldLine.class)}, key (order_id, line_no). */
    @dev.belay.dsl.annotations.Table("order_lines")
    public static final class FieldLine {
        @Id
        public Long orderId;
        @Id
        public Integer lineNo;
        public String product;
        public Integer qty;
        public @Nullable String note;
    }

    // ---- tables the helpers refuse ------------------------------------------------------------

    /** No {@code @Id}: the derived descriptor has no primary key. */
    @dev.belay.dsl.annotations.Table("notes")
    public record Note(Long id, String body) {}

    public record Tag(Long id, String label) {}

    /** Claims {@code id} is the key, but the database has no such constraint and two rows share id 1. */
    static final class TagTable extends Table<Tag> {
        static final TagTable TAG = new TagTable();

        final Column<Tag, Long> ID = column("id", PgType.INT8).primaryKey();
        final Column<Tag, String> LABEL = column("label", PgType.TEXT);

        private TagTable() {
            super("tags", Tag.class);
        }
    }
}
