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
        List<Field<?>> fields = projection.fields();
        // Most exact first: matching by name alone could pick another table's column that is also called "id".
        int found = -1;
        for (int pass = 0; pass < 3 && found < 0; pass++) {
            for (int i = 0; i < fields.size() && found < 0; i++) {
                Field<?> f = fields.get(i);
                boolean same = switch (pass) {
                    case 0 -> f.equals(selected) || f.node().equals(selected.node());
                    case 1 -> f.unaliased().equals(selected.unaliased());
                    default -> selected.outputName() != null && selected.outputName().equals(names.get(i));
                };
                if (same) {
                    found = i;
                }
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(owner + " does not select " + selected + "; it selects " + fields);
        }
        String name = columnNames.isEmpty() ? names.get(found) : columnNames.get(found);
        if (name == null) {
            throw new IllegalArgumentException(owner + ": the selected expression " + fields.get(found)
                    + " has no column name; give it one with .as(\"name\") in the subquery and refer to that");
        }
        requireUnique(name, columnNames.isEmpty() ? names : columnNames, fields, found, owner);
        return name;
    }

    /**
     * PostgreSQL accepts a subquery or CTE with two result columns of one name, but rejects any reference to
     * that name as ambiguous (42702), so the reference is refused here, where the fix is known.
     */
    private static void requireUnique(String name, List<@Nullable String> names, List<Field<?>> fields, int found,
                                      String owner) {
        for (int i = 0; i < names.size(); i++) {
            if (i != found && name.equals(names.get(i))) {
                throw new IllegalArgumentException(owner + ": column \"" + name + "\" is ambiguous, both "
                        + fields.get(Math.min(i, found)) + " and " + fields.get(Math.max(i, found))
                        + " are selected as \"" + name + "\"; give one another name with .as(\"other_name\") "
                        + "and refer to that");
            }
        }
    }
}
