package dev.belay.it.executor;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.dsl.fixtures.Order;
import dev.belay.dsl.fixtures.OrderTable;
import dev.belay.executor.Converter;
import dev.belay.executor.DBConnection;
import dev.belay.executor.TypeRegistry;
import dev.belay.test.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One column per supported type (all nullable), for the type round-trip tests. */
final class TypesTable extends Table<TypesTable.Holder> {
    static final TypesTable T = new TypesTable();

    /** The table's DDL; each test class runs it in its own database. */
    static final String CREATE = "CREATE TABLE types (id int8 PRIMARY KEY, t text, vc varchar(100), i2 int2, i4 int4, "
            + "i8 int8, num numeric, f4 float4, f8 float8, b bool, u uuid, d date, tm time, ts timestamp, "
            + "tstz timestamptz, tstz2 timestamptz, iv interval, bin bytea, js json, jsb jsonb, ta text[], ia int4[], "
            + "st order_status, email text)";

    /** The row type; the tests read single columns, never whole rows. */
    record Holder(Long id) {}

    /** A value type stored as text through a Converter. */
    record Email(String value) {}

    /** The registry the tests on this table use: the built-in types plus Email. */
    static final TypeRegistry TYPES = TypeRegistry.defaults()
            .with(Converter.of(String.class, Email.class, Email::new, Email::value));

    /** Creates the table in the class's database and opens a pool on it with {@link #TYPES}. */
    static DBConnection createAndOpen(TestDatabase db) {
        db.execute(CREATE);
        return db.open(b -> b.types(TYPES));
    }

    final Column<Holder, Long> id = column("id", PgType.INT8).primaryKey();
    final Column<Holder, String> text = column("t", PgType.TEXT).nullable();
    final Column<Holder, String> varchar = column("vc", PgType.VARCHAR).nullable();
    final Column<Holder, Short> int2 = column("i2", PgType.INT2).nullable();
    final Column<Holder, Integer> int4 = column("i4", PgType.INT4).nullable();
    final Column<Holder, Long> int8 = column("i8", PgType.INT8).nullable();
    final Column<Holder, BigDecimal> numeric = column("num", PgType.NUMERIC).nullable();
    final Column<Holder, Float> float4 = column("f4", PgType.FLOAT4).nullable();
    final Column<Holder, Double> float8 = column("f8", PgType.FLOAT8).nullable();
    final Column<Holder, Boolean> bool = column("b", PgType.BOOL).nullable();
    final Column<Holder, UUID> uuid = column("u", PgType.UUID).nullable();
    final Column<Holder, LocalDate> date = column("d", PgType.DATE).nullable();
    final Column<Holder, LocalTime> time = column("tm", PgType.TIME).nullable();
    final Column<Holder, LocalDateTime> timestamp = column("ts", PgType.TIMESTAMP).nullable();
    final Column<Holder, Instant> instant = column("tstz", PgType.TIMESTAMPTZ).nullable();
    final Column<Holder, OffsetDateTime> offset = column("tstz2", PgType.TIMESTAMPTZ_OFFSET).nullable();
    final Column<Holder, Duration> interval = column("iv", PgType.INTERVAL).nullable();
    final Column<Holder, byte[]> bytea = column("bin", PgType.BYTEA).nullable();
    final Column<Holder, String> json = column("js", PgType.JSON).nullable();
    final Column<Holder, String> jsonb = column("jsb", PgType.JSONB).nullable();
    final Column<Holder, List<String>> texts = column("ta", PgType.arrayOf(PgType.TEXT)).nullable();
    final Column<Holder, List<Integer>> ints = column("ia", PgType.arrayOf(PgType.INT4)).nullable();
    final Column<Holder, Order.Status> status = column("st", OrderTable.STATUS_TYPE).nullable();
    final Column<Holder, Email> email = column("email", PgType.custom("text", Email.class)).nullable();

    private TypesTable() {
        super("types", Holder.class);
    }
}
