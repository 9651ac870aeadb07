package dev.belay.it;

import dev.belay.dsl.Row;
import dev.belay.dsl.fixtures.User;
import dev.belay.executor.DBConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Raw SQL read-backs shared by the DML execution tests: what a statement left in the seeded tables, typed. */
final class DmlReads {
    private DmlReads() {}

    static final String USER_ROWS = "SELECT id, name, email, age, created_at FROM users ORDER BY id";

    /** A raw read-back of users' names and ages, mapped by column label. */
    record NameAge(String name, Integer age) {}

    /** A raw read-back of users' ids, names and ages, mapped by column label. */
    record IdNameAge(Long id, String name, Integer age) {}

    /** Every user as stored, by id. */
    static List<User> users(DBConnection tx) {
        return tx.sql(USER_ROWS).fetch(User.class);
    }

    static List<NameAge> namesAndAges(DBConnection tx, String sql) {
        return tx.sql(sql).fetch(NameAge.class);
    }

    /** Raw SQL's rows as value lists, each value of its column type's own Java type (int4 Integer, int8 Long, ...). */
    static List<List<Object>> rows(DBConnection tx, String sql) {
        return tx.sql(sql).fetch(Row.class).stream().map(DmlReads::values).toList();
    }

    static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    static long count(DBConnection tx, String table) {
        return tx.sql("SELECT count(*) FROM " + table).one(Long.class);
    }

    /** The transaction's start time, which every now() default in it takes. */
    static Instant now(DBConnection tx) {
        return tx.sql("SELECT now()").one(Instant.class);
    }
}
