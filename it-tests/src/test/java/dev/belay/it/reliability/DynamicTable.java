package dev.belay.it.reliability;

import dev.belay.dsl.Column;
import dev.belay.dsl.PgType;
import dev.belay.dsl.Row;
import dev.belay.dsl.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A descriptor whose table and column names are chosen at run time: the first name is an int8 key, the
 * others alternate nullable text and int4 columns. Columns are declared in the constructor, which, like a
 * field initializer, runs before the descriptor is first used.
 */
final class DynamicTable extends Table<Row> {
    final Column<Row, Long> key;
    final List<Column<Row, ?>> values = new ArrayList<>();

    DynamicTable(String name, List<String> columnNames) {
        super(name, Row.class);
        key = column(columnNames.get(0), PgType.INT8);
        for (int i = 1; i < columnNames.size(); i++) {
            values.add(isText(i) ? column(columnNames.get(i), PgType.TEXT).nullable()
                    : column(columnNames.get(i), PgType.INT4).nullable());
        }
    }

    /** Whether the {@code i}-th name (counting the key as 0) is a text column; the others are int4. */
    static boolean isText(int i) {
        return i % 2 == 1;
    }

    /** {@code CREATE TABLE} for the same names, quoted by hand (each {@code "} doubled), independently of Belay. */
    static String ddl(String name, List<String> columnNames) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(name)).append(" (");
        for (int i = 0; i < columnNames.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columnNames.get(i)))
                    .append(i == 0 ? " int8 NOT NULL" : isText(i) ? " text" : " int4");
        }
        return sql.append(')').toString();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
