package dev.belay.dsl.ddl;

import static dev.belay.dsl.Sql.*;
import static dev.belay.dsl.fixtures.EventTable.EVENT;
import static dev.belay.dsl.fixtures.UserTable.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.belay.dsl.Column;
import dev.belay.dsl.CreateIndex;
import dev.belay.dsl.CreateTable;
import dev.belay.dsl.Param;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Schema statements: reuse, refusals that name the table, column or option at fault, and literal values. */
final class SchemaStatementTest {

    record Token(UUID id, String label) {}

    static final class TokenTable extends Table<Token> {
        static final TokenTable TOKEN = new TokenTable();
        final Column<Token, UUID> ID = column("id", PgType.UUID).primaryKey().generated();
        final Column<Token, String> LABEL = column("label", PgType.TEXT).defaultTo(value("it's"));

        private TokenTable() {
            super("tokens", Token.class);
        }
    }

    static final class SeededTable extends Table<Token> {
        static final SeededTable SEEDED = new SeededTable();
        final Column<Token, UUID> ID = column("id", PgType.UUID).primaryKey()
                .defaultTo(function("gen_random_uuid", PgType.UUID));
        final Column<Token, String> LABEL = column("label", PgType.TEXT).nullable().defaultTo("a\\b");

        private SeededTable() {
            super("app", "seeded", Token.class);
        }
    }

    @Test
    void aStatementRendersOnceAndHasNoParameters() {
        CreateTable create = createTable(USER);
        assertSame(create.render().sql(), create.render().sql());
        assertEquals(List.of(), create.render().params());
        assertTrue(create.modifiesData());
        assertEquals(create.render().sql(), create.toString());
    }

    @Test
    void defaultsAreLiteralsAndFunctionsAreCalls() {
        assertEquals("CREATE TABLE \"app\".\"seeded\" (\"id\" uuid DEFAULT \"gen_random_uuid\"() NOT NULL, \"label\" text "
                + "DEFAULT E'a\\\\b', PRIMARY KEY (\"id\"))", createTable(SeededTable.SEEDED).render().sql());
    }

    @Test
    void aGeneratedColumnTheDatabaseCannotFillIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> createTable(TokenTable.TOKEN));
        assertTrue(e.getMessage().contains("\"id\" is generated() but its type uuid cannot be an identity"), e.getMessage());
        assertTrue(e.getMessage().contains(".defaultTo("), e.getMessage());
    }

    @Test
    void aliasesAndForeignColumnsAreRefused() {
        Table<?> u = USER.asPlain("u");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> createTable(u)).getMessage()
                .contains("not an alias"));
        assertThrows(IllegalArgumentException.class, () -> dropTable(USER, u));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Column<dev.belay.dsl.fixtures.User, ?> foreign = (Column) EVENT.NOTE;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> createIndex(USER, foreign));
        assertTrue(e.getMessage().contains("belongs to \"events\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> createIndex(USER));
    }

    @Test
    void indexOptionsAreChecked() {
        CreateIndex unnamed = createIndex(USER, USER.NAME);
        IllegalStateException e = assertThrows(IllegalStateException.class, unnamed::ifNotExists);
        assertTrue(e.getMessage().contains("named(..)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> unnamed.named("bad\u0000name"));
        assertEquals("CREATE INDEX ON \"users\" (\"name\")", unnamed.render().sql());
    }

    @Test
    void aParameterCannotGoIntoASchemaStatement() {
        Param<Integer> age = param("age", Integer.class);
        CreateIndex index = createIndex(USER, USER.NAME).where(USER.AGE.ge(age));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, index::render);
        assertTrue(e.getMessage().contains("parameter :age"), e.getMessage());
    }

    @Test
    void onlyEnumTypesAreCreated() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        PgType<Thread.State> notAnEnum = (PgType) PgType.TEXT;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> createType(notAnEnum));
        assertTrue(e.getMessage().contains("only enum types"), e.getMessage());
        assertEquals("CREATE TYPE \"state\" AS ENUM (E'NEW', E'RUNNABLE', E'BLOCKED', E'WAITING', E'TIMED_WAITING', "
                + "E'TERMINATED')", createType(PgType.enumType("state", Thread.State.class)).render().sql());
    }

    @Test
    void referencesNeedTheSameType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table<Token>("t", Token.class) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            final Column<Token, String> LABEL = column("label", PgType.TEXT).references((Column) USER.ID);
        }.columns());
        assertTrue(e.getMessage().contains("cannot reference"), e.getMessage());
    }
}
