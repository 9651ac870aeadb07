package dev.belay.it.docs;

import static dev.belay.dsl.Sql.now;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import java.time.Instant;

/** The hand-written descriptor the documentation uses (docs/descriptors.md). */
// tag::user-table[]
public final class UserTable extends Table<User> {
    public static final UserTable USER = new UserTable();
    public final Column<User, Long>    ID    = column("id", PgType.INT8).primaryKey().generated();
    public final Column<User, String>  NAME  = column("name", PgType.TEXT);
    public final Column<User, String>  EMAIL = column("email", PgType.TEXT).unique();
    public final Column<User, Integer> AGE   = column("age", PgType.INT4).nullable();
    public final Column<User, Instant> CREATED_AT = column("created_at", PgType.TIMESTAMPTZ).defaultTo(now());
    private UserTable() { super("users", User.class); }
    private UserTable(Alias alias) { super(alias); }   // lets USER.as("u") be a UserTable
}
// end::user-table[]
