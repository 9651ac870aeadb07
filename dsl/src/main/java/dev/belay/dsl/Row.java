package dev.belay.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A generic result row, for projections of more fields than the tuples carry:
 * {@code row.get(USER.NAME)}, {@code row.get("name")}, {@code row.get(0)}. Rows of raw SQL have column
 * labels only, so there {@code get(Field)} is refused.
 */
public final class Row {
    private final List<Field<?>> fields;
    /** Null for a row of fields until a label is asked for: most rows are read by field or index. */
    private volatile @Nullable List<@Nullable String> labels;
    private final @Nullable Object[] values;

    private Row(List<Field<?>> fields, @Nullable List<@Nullable String> labels, @Nullable Object[] values) {
        this.fields = fields;
        this.labels = labels;
        this.values = values;
    }

    /** A row of {@code values}, one per field in order. */
    public static Row of(List<Field<?>> fields, List<? extends @Nullable Object> values) {
        if (fields.size() != values.size()) {
            throw new IllegalArgumentException("a row of " + fields.size() + " fields got " + values.size() + " values");
        }
        return new Row(List.copyOf(fields), null, new ArrayList<@Nullable Object>(values).toArray());
    }

    /** A row of {@code values} known only by their column labels, as raw SQL returns them. */
    public static Row ofLabels(List<String> labels, List<? extends @Nullable Object> values) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException("a row of " + labels.size() + " columns got " + values.size() + " values");
        }
        return new Row(List.of(), List.copyOf(labels), new ArrayList<@Nullable Object>(values).toArray());
    }

    /** The number of values: {@code select(USER.ID, USER.NAME, USER.AGE)} gives rows of size 3. */
    public int size() {
        return values.length;
    }

    /** The value at a zero-based position in the select list: {@code row.get(0)}. */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /** The value of a projected field; the field must be one the query selected. */
    public <T> @Nullable T get(Field<T> field) {
        int i = fields.indexOf(field);
        if (i < 0) {
            for (int j = 0; j < fields.size(); j++) {
                if (fields.get(j).node().equals(field.node())) {
                    i = j;
                    break;
                }
            }
        }
        if (i < 0) {
            throw new IllegalArgumentException("this row has no field " + field + (fields.isEmpty()
                    ? "; it comes from raw SQL, so read it by label: get(\"" + field.outputName() + "\")"
                    : "; it has " + fields));
        }
        return field.type().javaType().cast(values[i]);
    }

    /**
     * The value of the column labelled {@code name} (a column name or an alias).
     *
     * @throws IllegalArgumentException when no column, or more than one, has that label
     */
    public @Nullable Object get(String name) {
        List<@Nullable String> all = labels();
        int i = all.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("this row has no column labelled '" + name + "'; it has " + all);
        }
        if (all.lastIndexOf(name) != i) {
            throw new IllegalArgumentException("this row has several columns labelled '" + name + "' (at "
                    + i + " and " + all.lastIndexOf(name) + "); read them by index, or alias them apart");
        }
        return values[i];
    }

    private List<@Nullable String> labels() {
        List<@Nullable String> known = labels;
        if (known == null) {
            List<@Nullable String> names = new ArrayList<>(fields.size());
            for (Field<?> f : fields) {
                names.add(f.outputName());
            }
            known = Collections.unmodifiableList(names);
            labels = known;
        }
        return known;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Row r && r.fields.equals(fields) && r.labels().equals(labels()) && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
