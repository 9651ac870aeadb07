package dev.belay.dsl;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Finds the result column a selected field became, for references into derived tables and CTEs. */
final class OutputColumns {
    private OutputColumns() {}

    static String nameOf(Projection<?> projection, Field<?> selected, String owner) {
        return nameOf(projection, List.of(), selected, owner);
    }

    /** With explicit CTE column names, the field's position picks the name. */
    static String nameOf(Projection<?> projection, List<String> columnNames, Field<?> selected, String owner) {
        List<@Nullable String> names = projection.outputNames();
        String wanted = selected.outputName();
        for (int i = 0; i < projection.fields().size(); i++) {
            Field<?> f = projection.fields().get(i);
            boolean same = f.equals(selected) || f.node().equals(selected.node())
                    || (wanted != null && wanted.equals(names.get(i)));
            if (same) {
                String name = columnNames.isEmpty() ? names.get(i) : columnNames.get(i);
                if (name == null) {
                    throw new IllegalArgumentException(owner + ": the selected expression " + f + " has no column "
                            + "name; give it one with .as(\"name\") in the subquery and refer to that");
                }
                return name;
            }
        }
        throw new IllegalArgumentException(owner + " does not select " + selected + "; it selects "
                + projection.fields());
    }
}
