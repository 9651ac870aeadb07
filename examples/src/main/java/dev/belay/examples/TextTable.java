package dev.belay.examples;

import dev.belay.dsl.Row;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Prints query results as an aligned text table: records by component, tuples and {@link Row}s by position. */
final class TextTable {
    private TextTable() {}

    /** At most this many rows are printed; the rest are counted. */
    private static final int SHOWN = 12;

    static void print(PrintStream out, List<String> headers, List<?> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(SHOWN, rows.size()))) {
            cells.add(cells(row));
        }
        int columns = headers.size();
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = headers.get(c).length();
            for (List<String> r : cells) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        out.println("  " + line(headers, width));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(width[c]));
        }
        out.println("  " + rule);
        for (List<String> r : cells) {
            out.println("  " + line(r, width));
        }
        out.println(rows.size() > SHOWN ? "  (" + rows.size() + " rows, " + SHOWN + " shown)"
                : "  (" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    /** A table of one record type, headed by its component names. */
    static void records(PrintStream out, List<?> rows) {
        if (rows.isEmpty()) {
            out.println("  (no rows)");
            return;
        }
        List<String> headers = new ArrayList<>();
        for (RecordComponent rc : rows.get(0).getClass().getRecordComponents()) {
            headers.add(rc.getName());
        }
        print(out, headers, rows);
    }

    private static List<String> cells(Object row) {
        List<String> cells = new ArrayList<>();
        if (row instanceof Row r) {
            for (int i = 0; i < r.size(); i++) {
                cells.add(String.valueOf(r.get(i)));
            }
        } else if (row.getClass().isRecord()) {
            for (RecordComponent rc : row.getClass().getRecordComponents()) {
                try {
                    cells.add(String.valueOf(rc.getAccessor().invoke(row)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            cells.add(String.valueOf(row));
        }
        return cells;
    }

    private static String line(List<String> values, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            String v = c < values.size() ? values.get(c) : "";
            b.append(c == 0 ? "" : " | ").append(v).append(" ".repeat(width[c] - v.length()));
        }
        return b.toString().stripTrailing();
    }
}
