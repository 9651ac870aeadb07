package dev.belay.dsl.query;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.OrderTable.ORDER;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Field;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Select;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Doc;
import dev.belay.dsl.fixtures.User;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL cannot store NUL (0x00) in text or json; a value holding one is refused while the query is
 * built, with a message naming the column or parameter it was meant for, so nothing reaches the server.
 */
final class NulTextTest {
    private static final String BAD = "Al\0ice";
    private static final Field<String> BODY = Table.of(Doc.class).field("body", PgType.JSONB);

    static Stream<Arguments> everyWayAValueIsBound() {
        Param<String> name = param("name", String.class);
        Select<User> byName = select(User.class).where(USER.NAME.eq(name));
        Select<User> ordered = select(User.class).orderBy(USER.NAME.asc());
        return Stream.of(
                refused("eq", () -> USER.NAME.eq(BAD), "eq(...) on \"users\".\"name\""),
                refused("ne", () -> USER.NAME.ne(BAD), "ne(...) on \"users\".\"name\""),
                refused("in list element", () -> USER.NAME.in(List.of("Bob", BAD)),
                        "in(...) on \"users\".\"name\", element 1"),
                refused("isNotDistinctFrom", () -> USER.NAME.isNotDistinctFrom(BAD), "\"users\".\"name\""),
                refused("startsWith", () -> USER.NAME.startsWith(BAD), "startsWith(...) on \"users\".\"name\""),
                refused("array contains", () -> ORDER.TAGS.contains(List.of("a", BAD)),
                        "\"orders\".\"tags\", element 1"),
                refused("json key", () -> BODY.jsonGet(BAD), "json key on"),
                refused("json keys", () -> BODY.jsonHasAnyKey("a", BAD), "json keys, element 1"),
                refused("value()", () -> value(BAD), "value(...)"),
                refused("coalesce", () -> coalesce(USER.NAME, BAD), "coalesce(\"users\".\"name\""),
                refused("param bind", () -> byName.bind(name, BAD), "bind(:name, ...)"),
                refused("seek", () -> ordered.seek(BAD), "seek(): value 0 for \"users\".\"name\""),
                refused("insert row", () -> insertInto(USER).values(new User(null, BAD, "a@x.org", 1, null)),
                        "column users.name"),
                refused("insert set", () -> insertInto(USER).set(USER.EMAIL, BAD), "column users.email"),
                refused("insert typed columns", () -> insertInto(USER).columns(USER.NAME, USER.EMAIL)
                        .values("Al", "ok@x.org").values(BAD, "b@x.org"), "column users.name"),
                refused("insert array column", () -> insertInto(ORDER).set(ORDER.TAGS, List.of(BAD)),
                        "column orders.tags, element 0"),
                refused("update set", () -> update(USER).set(USER.NAME, BAD), "column users.name"),
                refused("upsert set", () -> insertInto(USER).set(USER.NAME, "Al").set(USER.EMAIL, "a@x.org")
                        .onConflict(USER.EMAIL).doUpdate().set(USER.NAME, BAD), "column users.name"));
    }

    private static Arguments refused(String name, Executable build, String names) {
        return Arguments.of(Named.of(name, build), names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyWayAValueIsBound")
    void refusedWhileBuildingAndNamed(Executable build, String names) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(names), e.getMessage());
        assertTrue(e.getMessage().contains("NUL character (0x00) at index 2"), e.getMessage());
        assertTrue(e.getMessage().contains("bytea"), "the message says what to do instead: " + e.getMessage());
    }

    @Test
    void theMessageForAnInsertNamesTableColumnAndIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> insertInto(USER).set(USER.NAME, "x\0"));
        assertEquals("insert into \"users\": column users.name: the text contains a NUL character (0x00) at index 1; "
                + "PostgreSQL cannot store NUL in text or json. Strip it, or store the data as bytea", e.getMessage());
    }

    @Test
    void otherControlCharactersAndUnicodeAreBound() {
        String text = "tab\there\u0001 \uD83D\uDE00 e\u0301";
        assertEquals(List.of(text), select(USER.ID).from(USER).where(USER.NAME.eq(text)).render().params());
        assertEquals(List.of(text), update(USER).set(USER.NAME, text).all().render().params());
    }
}
