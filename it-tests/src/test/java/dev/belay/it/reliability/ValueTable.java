package dev.belay.it.reliability;

import static dev.belay.dsl.Sql.insertInto;

import dev.belay.dsl.Column;
import dev.belay.dsl.Insert;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Table;
import dev.belay.executor.DBConnection;
import dev.belay.executor.RawSql;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A hand-written descriptor with one column per scalar type the value fuzzer writes (the table name is the
 * test's choice), the generated rows, and the statements that write them.
 */
final class ValueTable extends Table<ValueTable.Val> {
    /** One generated row: a value of every type. */
    record Val(Long id, String textVal, BigDecimal num, Integer i4, Long i8, Double f8, Boolean flag, UUID uid,
               LocalDate day, LocalDateTime ts, Instant tstz, byte[] bin) {}

    final Column<Val, Long> id = column("id", PgType.INT8).primaryKey();
    final Column<Val, String> text = column("text_val", PgType.TEXT);
    final Column<Val, BigDecimal> num = column("num", PgType.NUMERIC);
    final Column<Val, Integer> i4 = column("i4", PgType.INT4);
    final Column<Val, Long> i8 = column("i8", PgType.INT8);
    final Column<Val, Double> f8 = column("f8", PgType.FLOAT8);
    final Column<Val, Boolean> flag = column("flag", PgType.BOOL);
    final Column<Val, UUID> uid = column("uid", PgType.UUID);
    final Column<Val, LocalDate> day = column("day", PgType.DATE);
    final Column<Val, LocalDateTime> ts = column("ts", PgType.TIMESTAMP);
    final Column<Val, Instant> tstz = column("tstz", PgType.TIMESTAMPTZ);
    final Column<Val, byte[]> bin = column("bin", PgType.BYTEA);

    ValueTable(String name) {
        super(name, Val.class);
    }

    /**
     * The table's DDL, with a hash index for the per-value {@code text_val = ?} lookups (a B-tree refuses
     * entries over about 2.7 KB, and some generated strings are longer).
     */
    static String create(String name) {
        return "CREATE TABLE " + name + " (id int8 PRIMARY KEY, text_val text NOT NULL, num numeric NOT NULL, "
                + "i4 int4 NOT NULL, i8 int8 NOT NULL, f8 float8 NOT NULL, flag bool NOT NULL, uid uuid NOT NULL, "
                + "day date NOT NULL, ts timestamp NOT NULL, tstz timestamptz NOT NULL, bin bytea NOT NULL); "
                + "CREATE INDEX ON " + name + " USING hash (text_val)";
    }

    /** The column list of the raw INSERTs, and the placeholder name of each column. */
    static final String COLUMNS = "id, text_val, num, i4, i8, f8, flag, uid, day, ts, tstz, bin";
    private static final List<String> PLACEHOLDERS = List.of("id", "txt", "num", "i4", "i8", "f8", "flag", "uid", "day",
            "ts", "tstz", "bin");

    /**
     * {@code count} rows with ids 1 to {@code count}: the first carry numerics at their limits; one string in
     * twenty repeats an earlier one, or differs from it only by case, a trailing space or normalisation form.
     */
    static List<Val> generate(Fuzz fuzz, int count) {
        List<Val> out = new ArrayList<>(count);
        List<BigDecimal> limits = fuzz.numericLimits();
        for (int i = 0; i < count; i++) {
            String text = i > 0 && fuzz.chance(0.05) ? variant(fuzz, out.get(fuzz.nextInt(i)).textVal()) : fuzz.text();
            BigDecimal num = i < limits.size() ? limits.get(i) : fuzz.numeric();
            out.add(new Val(i + 1L, text, num, fuzz.int4(), fuzz.int8(), fuzz.float8(), fuzz.chance(0.5), fuzz.uuid(),
                    fuzz.date(), fuzz.timestamp(), fuzz.instant(), fuzz.bytes()));
        }
        return List.copyOf(out);
    }

    private static String variant(Fuzz fuzz, String s) {
        return switch (fuzz.nextInt(5)) {
            case 0 -> s + " ";
            case 1 -> s.toUpperCase(Locale.ROOT);
            case 2 -> Normalizer.normalize(s, Normalizer.Form.NFD);
            case 3 -> Normalizer.normalize(s, Normalizer.Form.NFC);
            default -> s;
        };
    }

    /** {@code insertInto(this).set(id, ...).set(text, ...)...}: the row column by column. */
    Insert<Val> setEveryColumn(Val v) {
        return insertInto(this).set(id, v.id()).set(text, v.textVal()).set(num, v.num()).set(i4, v.i4())
                .set(i8, v.i8()).set(f8, v.f8()).set(flag, v.flag()).set(uid, v.uid()).set(day, v.day())
                .set(ts, v.ts()).set(tstz, v.tstz()).set(bin, v.bin());
    }

    /**
     * A raw multi-row INSERT with one placeholder per value: {@code (:id0, :txt0, ...), (:id1, ...)} when
     * {@code named}, else {@code (?, ?, ...)}.
     */
    static RawSql insertRaw(DBConnection on, String table, List<Val> rows, boolean named) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (" + COLUMNS + ") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < PLACEHOLDERS.size(); c++) {
                sql.append(c == 0 ? "" : ", ").append(named ? ":" + PLACEHOLDERS.get(c) + r : "?");
            }
            sql.append(')');
        }
        RawSql q = on.sql(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            Val v = rows.get(r);
            List<Object> values = List.of(v.id(), v.textVal(), v.num(), v.i4(), v.i8(), v.f8(), v.flag(), v.uid(),
                    v.day(), v.ts(), v.tstz(), v.bin());
            for (int c = 0; c < values.size(); c++) {
                q = named ? q.bind(PLACEHOLDERS.get(c) + r, values.get(c)) : q.bind(r * values.size() + c + 1, values.get(c));
            }
        }
        return q;
    }
}
