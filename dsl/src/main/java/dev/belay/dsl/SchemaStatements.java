package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema statements, reached through {@link Sql} ({@code import static dev.belay.dsl.Sql.*}); see
 * {@link SchemaStatement} for what they are for and how they carry values.
 */
abstract class SchemaStatements extends Functions {
    SchemaStatements() {}

    /** {@code createTable(USER)} renders {@code CREATE TABLE "users" (..)} from the descriptor; see {@link CreateTable}. */
    public static CreateTable createTable(Table<?> table) {
        return CreateTable.of(table);
    }

    /** {@code dropTable(USER, ORDER)} renders {@code DROP TABLE "users", "orders"}. */
    public static DropTable dropTable(Table<?> table, Table<?>... more) {
        return new DropTable(new DdlNode.DropTable(SchemaStatement.items(table, more, "dropTable"), false, false));
    }

    /** {@code truncate(USER, ORDER)} renders {@code TRUNCATE "users", "orders"}. */
    public static Truncate truncate(Table<?> table, Table<?>... more) {
        return new Truncate(new DdlNode.Truncate(SchemaStatement.items(table, more, "truncate"), false, false));
    }

    /** {@code createIndex(USER, USER.EMAIL)} renders {@code CREATE INDEX ON "users" ("email")}; see {@link CreateIndex}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only read
    public static <R> CreateIndex createIndex(Table<R> table, Column<R, ?>... columns) {
        return CreateIndex.of(table, columns);
    }

    /** {@code createSchema("tenant_a")} renders {@code CREATE SCHEMA "tenant_a"}. */
    public static CreateSchema createSchema(String name) {
        return new CreateSchema(new DdlNode.CreateSchema(Identifiers.check(name, "schema name"), false));
    }

    /** {@code dropSchema("tenant_a")} renders {@code DROP SCHEMA "tenant_a"}. */
    public static DropSchema dropSchema(String name) {
        return new DropSchema(new DdlNode.DropSchema(Identifiers.check(name, "schema name"), false, false));
    }

    /**
     * {@code createType(PgType.enumType("mood", Mood.class))} renders {@code CREATE TYPE "mood" AS ENUM (E'SAD', ..)}
     * with the Java enum's constants, in order, as the labels.
     */
    public static <E extends Enum<E>> CreateType createType(PgType<E> enumType) {
        if (enumType.kind() != PgType.Kind.ENUM) {
            throw new IllegalArgumentException("createType(" + enumType.sqlName() + "): only enum types are created from "
                    + "a PgType; make it with PgType.enumType(name, EnumClass.class)");
        }
        List<String> labels = new ArrayList<>();
        for (E constant : enumType.javaType().getEnumConstants()) {
            labels.add(constant.name());
        }
        return new CreateType(new DdlNode.CreateEnum(enumType, labels));
    }

    /** {@code dropType(MOOD)} renders {@code DROP TYPE "mood"}. */
    public static DropType dropType(PgType<?> type) {
        return new DropType(new DdlNode.DropType(type, false, false));
    }
}
