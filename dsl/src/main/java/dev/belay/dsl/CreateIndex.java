package dev.belay.dsl;

import dev.belay.dsl.internal.DdlNode;
import dev.belay.dsl.internal.Expr;
import dev.belay.dsl.internal.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code createIndex(USER, USER.EMAIL)} renders {@code CREATE INDEX ON "users" ("email")}; the options name it, make it
 * unique, partial or concurrent:
 *
 * <pre>{@code
 * createIndex(USER, USER.EMAIL).named("users_adult_email").unique().where(USER.AGE.ge(18));
 * // CREATE UNIQUE INDEX "users_adult_email" ON "users" ("email") WHERE "users"."age" >= 18
 * }</pre>
 */
public final class CreateIndex extends SchemaStatement {

    CreateIndex(DdlNode.CreateIndex node) {
        super(node);
    }

    @SafeVarargs
    static <R> CreateIndex of(Table<R> table, Column<R, ?>... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("createIndex(" + table + "): name at least one column");
        }
        List<String> names = new ArrayList<>(columns.length);
        for (Column<R, ?> c : columns) {
            if (!c.table().name().equals(table.name()) || !Objects.equals(c.table().schema(), table.schema())) {
                throw new IllegalArgumentException("createIndex(" + table + "): column " + c + " belongs to "
                        + c.table());
            }
            names.add(c.name());
        }
        return new CreateIndex(new DdlNode.CreateIndex(null, item(table, "createIndex"), names, false, false, false, null));
    }

    private DdlNode.CreateIndex index() {
        return (DdlNode.CreateIndex) node();
    }

    private CreateIndex with(@Nullable String name, boolean unique, boolean concurrently, boolean ifNotExists,
                             @Nullable Expr where) {
        DdlNode.CreateIndex i = index();
        return new CreateIndex(new DdlNode.CreateIndex(name, i.table(), i.columns(), unique, concurrently, ifNotExists,
                where));
    }

    /** {@code CREATE INDEX "users_email_idx" ON ..}. */
    public CreateIndex named(String name) {
        DdlNode.CreateIndex i = index();
        return with(Identifiers.check(name, "index name"), i.unique(), i.concurrently(), i.ifNotExists(), i.where());
    }

    /** {@code CREATE UNIQUE INDEX ..}. */
    public CreateIndex unique() {
        DdlNode.CreateIndex i = index();
        return with(i.name(), true, i.concurrently(), i.ifNotExists(), i.where());
    }

    /**
     * {@code CREATE INDEX CONCURRENTLY ..}: builds without blocking writes. PostgreSQL refuses it inside a
     * transaction, so run it with {@code db.exec} outside one.
     */
    public CreateIndex concurrently() {
        DdlNode.CreateIndex i = index();
        return with(i.name(), i.unique(), true, i.ifNotExists(), i.where());
    }

    /** {@code CREATE INDEX IF NOT EXISTS "name" ..}; needs {@link #named}. */
    public CreateIndex ifNotExists() {
        DdlNode.CreateIndex i = index();
        if (i.name() == null) {
            throw new IllegalStateException("createIndex(..).ifNotExists(): PostgreSQL needs the index's name for "
                    + "IF NOT EXISTS; call named(..) first");
        }
        return with(i.name(), i.unique(), i.concurrently(), true, i.where());
    }

    /**
     * A partial index: {@code .where(USER.AGE.ge(18))} renders {@code WHERE "users"."age" >= 18} (values are written
     * as literals, since PostgreSQL takes no parameters here). Repeated calls AND together.
     */
    public CreateIndex where(Condition condition) {
        DdlNode.CreateIndex i = index();
        return with(i.name(), i.unique(), i.concurrently(), i.ifNotExists(), Select.andWith(i.where(), condition));
    }
}
