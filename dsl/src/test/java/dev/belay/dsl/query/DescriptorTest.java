package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.select;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.annotations.Generated;
import dev.belay.dsl.annotations.Id;
import dev.belay.dsl.fixtures.User;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** Table.of derives a descriptor from a row type by fixed rules; the result matches a hand-written one. */
final class DescriptorTest {

    /** One column's description, comparable across descriptors. */
    record Described(String name, PgType<?> type, String property, boolean nullable, boolean generated, boolean key) {
        static Described of(Column<?, ?> c) {
            return new Described(c.name(), c.type(), c.property(), c.isNullable(), c.isGenerated(), c.isPrimaryKey());
        }
    }

    static List<Described> describe(Table<?> table) {
        List<Described> out = new ArrayList<>();
        for (Column<?, ?> c : table.columns()) {
            out.add(Described.of(c));
        }
        return out;
    }

    @Test
    void derivedUserMatchesTheHandWrittenDescriptor() {
        Table<User> derived = Table.of(User.class);
        assertEquals(USER.name(), derived.name());
        assertEquals(USER.schema(), derived.schema());
        assertEquals(USER.rowType(), derived.rowType());
        assertEquals(describe(USER), describe(derived));
        assertEquals(List.of(
                new Described("id", PgType.INT8, "id", false, true, true),
                new Described("name", PgType.TEXT, "name", false, false, false),
                new Described("email", PgType.TEXT, "email", false, false, false),
                new Described("age", PgType.INT4, "age", true, false, false),
                new Described("created_at", PgType.TIMESTAMPTZ, "createdAt", false, true, false)), describe(derived));
        assertEquals(select(USER).render().sql(), select(User.class).render().sql());
    }

    @Test
    void derivationIsCached() {
        assertSame(Table.of(User.class), Table.of(User.class));
        assertSame(Table.of(LineItem.class), Table.of(LineItem.class));
    }

    enum ShippingState { OPEN, SENT }

    /** Any annotation named Nullable counts, not only checker-qual's. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.FIELD})
    @interface Nullable2 {}

    static final class Other {
        private Other() {}

        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.TYPE_USE, ElementType.RECORD_COMPONENT, ElementType.FIELD})
        @interface Nullable {}
    }

    @dev.belay.dsl.annotations.Table(value = "line_items", schema = "shop")
    record LineItem(@Id Long orderId, @Id int lineNo,
                    @dev.belay.dsl.annotations.Column("qty") int quantity,
                    @dev.belay.dsl.annotations.Column(type = "varchar") String note,
                    @Nullable BigDecimal discount,
                    @Other.Nullable String giftNote,
                    @Nullable2 String notNullable,
                    @Other.Nullable int primitiveStaysNotNull,
                    @Generated Instant createdAt,
                    ShippingState shippingState,
                    List<String> tags,
                    List<ShippingState> history,
                    @dev.belay.dsl.annotations.Column(value = "payload", type = "jsonb") String json,
                    @dev.belay.dsl.annotations.Column(type = "citext") String code,
                    boolean gift,
                    UUID ref) {}

    @Test
    void derivationRules() {
        Table<LineItem> t = Table.of(LineItem.class);
        assertEquals("line_items", t.name());
        assertEquals("shop", t.schema());
        assertNull(t.alias());
        assertEquals(List.of(
                new Described("order_id", PgType.INT8, "orderId", false, false, true),
                new Described("line_no", PgType.INT4, "lineNo", false, false, true),
                new Described("qty", PgType.INT4, "quantity", false, false, false),
                new Described("note", PgType.VARCHAR, "note", false, false, false),
                new Described("discount", PgType.NUMERIC, "discount", true, false, false),
                new Described("gift_note", PgType.TEXT, "giftNote", true, false, false),
                new Described("not_nullable", PgType.TEXT, "notNullable", false, false, false),
                new Described("primitive_stays_not_null", PgType.INT4, "primitiveStaysNotNull", false, false, false),
                new Described("created_at", PgType.TIMESTAMPTZ, "createdAt", false, true, false),
                new Described("shipping_state", PgType.enumType("shipping_state", ShippingState.class), "shippingState",
                        false, false, false),
                new Described("tags", PgType.arrayOf(PgType.TEXT), "tags", false, false, false),
                new Described("history", PgType.arrayOf(PgType.enumType("shipping_state", ShippingState.class)),
                        "history", false, false, false),
                new Described("payload", PgType.JSONB, "json", false, false, false),
                new Described("code", PgType.custom("citext", String.class), "code", false, false, false),
                new Described("gift", PgType.BOOL, "gift", false, false, false),
                new Described("ref", PgType.UUID, "ref", false, false, false)), describe(t));
        assertEquals(List.of("order_id", "line_no"), t.primaryKey().stream().map(Column::name).toList());
        assertEquals("\"shipping_state\"", t.columns().get(9).type().sqlName());
        assertEquals("text[]", t.columns().get(10).type().sqlName());
        assertEquals(PgType.Kind.ENUM, t.columns().get(9).type().kind());
    }

    record HTTPRequestLog(Long id, String userAgent, int statusCode) {}

    @Test
    void namesAreSnakeCaseOfTheJavaNames() {
        Table<HTTPRequestLog> t = Table.of(HTTPRequestLog.class);
        assertEquals("http_request_log", t.name());
        assertNull(t.schema());
        assertEquals(List.of("id", "user_agent", "status_code"), t.columns().stream().map(Column::name).toList());
        assertTrue(t.primaryKey().isEmpty());
        assertEquals("SELECT \"http_request_log\".\"id\", \"http_request_log\".\"user_agent\", "
                + "\"http_request_log\".\"status_code\" FROM \"http_request_log\"", select(t).render().sql());
    }

    /** A mutable class: its own instance fields become columns, static and transient ones do not. */
    static final class Account {
        static int created;
        @Id private Long id;
        private String displayName;
        private @Nullable Integer score;
        private transient String cache;
        private boolean active;

        Account() {}
    }

    @Test
    void classWithNoArgConstructorMapsItsFields() {
        Table<Account> t = Table.of(Account.class);
        assertEquals("account", t.name());
        assertEquals(List.of(
                new Described("id", PgType.INT8, "id", false, false, true),
                new Described("display_name", PgType.TEXT, "displayName", false, false, false),
                new Described("score", PgType.INT4, "score", true, false, false),
                new Described("active", PgType.BOOL, "active", false, false, false)), describe(t));
    }

    /** A base entity's fields come first: the key it declares leads the subclass's columns. */
    static class Entity {
        @Id @Generated Long id;
    }

    static final class Invoice extends Entity {
        static final String KIND = "invoice";
        String number;

        Invoice() {}
    }

    @Test
    void classMapsItsInheritedFieldsFirst() {
        assertEquals(List.of(
                new Described("id", PgType.INT8, "id", false, true, true),
                new Described("number", PgType.TEXT, "number", false, false, false)), describe(Table.of(Invoice.class)));
    }

    @Test
    void aliasedTableKeepsColumnsAndFlags() {
        Table<User> u = USER.as("u");
        assertEquals("u", u.alias());
        assertEquals("users", u.name());
        assertEquals(describe(USER), describe(u));
        assertFalse(u.field(USER.NAME).equals(USER.NAME));
        assertSame(u.field(USER.NAME), u.columns().get(1));
        assertSame(USER.NAME, USER.field(USER.NAME));
        assertSame(u, u.field(USER.NAME).table());
    }
}
