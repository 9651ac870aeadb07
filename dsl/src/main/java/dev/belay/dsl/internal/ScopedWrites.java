package dev.belay.dsl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a write through a scoped table must respect: an INSERT sets each column the scope pins by an equality
 * when the row leaves it unset, NULL or DEFAULT, and no INSERT, UPDATE or ON CONFLICT DO UPDATE may give such a
 * column another value. Applied by the renderer to every statement (so no builder can skip it) and by the
 * builders as each step is made (so a bad value fails where it is given).
 */
public final class ScopedWrites {
    private ScopedWrites() {}

    /** The insert with the pinned columns filled in; refuses a value outside the scope. */
    public static InsertNode insert(InsertNode i) {
        RowScope scope = i.table().scope();
        if (scope == null || scope.fixed().isEmpty()) {
            return i;
        }
        List<String> columns = new ArrayList<>(i.columns());
        InsertNode.Source source = i.source() instanceof InsertNode.DefaultValues
                ? new InsertNode.Values(List.of(List.of())) : i.source();
        for (Map.Entry<String, Expr> pin : scope.fixed().entrySet()) {
            int at = columns.indexOf(pin.getKey());
            if (source instanceof InsertNode.Values v) {
                List<List<Expr>> rows = new ArrayList<>(v.rows().size());
                for (List<Expr> row : v.rows()) {
                    List<Expr> next = new ArrayList<>(row);
                    if (at < 0) {
                        next.add(pin.getValue());
                    } else {
                        next.set(at, filled(i.table(), pin, row.get(at), "insert into"));
                    }
                    rows.add(next);
                }
                source = new InsertNode.Values(rows);
            } else if (source instanceof InsertNode.FromQuery q) {
                if (!(q.query() instanceof SelectNode s)) {
                    throw new IllegalArgumentException(what(i.table(), "insert into") + ": an INSERT from a set "
                            + "operation cannot be checked against the scope; insert from a plain SELECT");
                }
                List<Expr> projection = new ArrayList<>(s.projection());
                if (at < 0) {
                    projection.add(pin.getValue());
                } else {
                    Expr item = projection.get(at);
                    Expr value = item instanceof Expr.Alias a ? a.operand() : item;
                    projection.set(at, filled(i.table(), pin, value, "insert into"));
                }
                source = new InsertNode.FromQuery(s.withProjection(projection));
            } else {
                throw new IllegalStateException("no scope check for the INSERT source " + source);
            }
            if (at < 0) {
                columns.add(pin.getKey());
            }
        }
        ConflictNode conflict = i.conflict();
        if (conflict != null) {
            keep(i.table(), conflict.set(), "insert into", true);
        }
        return new InsertNode(i.with(), i.table(), columns, i.overridingSystemValue(), source, conflict,
                i.returning());
    }

    /** The MERGE with its INSERTs filled like an INSERT's; refuses an UPDATE or INSERT outside the scope. */
    public static MergeNode merge(MergeNode m) {
        RowScope scope = m.target().scope();
        if (scope == null || scope.fixed().isEmpty()) {
            return m;
        }
        List<MergeNode.When> whens = new ArrayList<>(m.whens().size());
        for (MergeNode.When w : m.whens()) {
            if (w.action() instanceof MergeNode.Update u) {
                keep(m.target(), u.set(), "merge into", false);
                whens.add(w);
            } else if (w.action() instanceof MergeNode.Insert i) {
                List<Assignment> values = new ArrayList<>(i.values());
                for (Map.Entry<String, Expr> pin : scope.fixed().entrySet()) {
                    int at = -1;
                    for (int k = 0; k < values.size(); k++) {
                        at = values.get(k).column().equals(pin.getKey()) ? k : at;
                    }
                    if (at < 0) {
                        values.add(new Assignment(pin.getKey(), pin.getValue()));
                    } else {
                        values.set(at, new Assignment(pin.getKey(),
                                filled(m.target(), pin, values.get(at).value(), "merge into")));
                    }
                }
                whens.add(w.withAction(new MergeNode.Insert(values)));
            } else {
                whens.add(w);
            }
        }
        return m.withWhens(whens);
    }

    /** Refuses an ON CONFLICT DO UPDATE on {@code table} that would move a row out of its scope. */
    public static void conflict(FromItem.TableItem table, ConflictNode conflict) {
        keep(table, conflict.set(), "insert into", true);
    }

    /** Refuses an UPDATE that would move a row out of its table's scope. */
    public static void update(UpdateNode u) {
        keep(u.table(), u.set(), "update", false);
    }

    private static void keep(FromItem.TableItem table, List<Assignment> set, String verb, boolean excludedOk) {
        RowScope scope = table.scope();
        if (scope == null) {
            return;
        }
        for (Assignment a : set) {
            Expr pin = scope.fixedValue(a.column());
            if (pin == null) {
                continue;
            }
            Expr v = a.value();
            boolean same = RowScope.sameValue(pin, v)
                    || excludedOk && v instanceof Expr.Excluded x && x.column().equals(a.column())
                    || v instanceof Expr.ColumnRef c && c.name().equals(a.column())
                    && table.qualifier().equals(c.qualifier());
            if (!same) {
                throw refused(table, a.column(), v, pin, verb + (excludedOk ? " ... on conflict do update" : ""));
            }
        }
    }

    private static Expr filled(FromItem.TableItem table, Map.Entry<String, Expr> pin, Expr given, String verb) {
        if (given == Keyword.DEFAULT || given instanceof Expr.Bind b && b.value() == null) {
            return pin.getValue();
        }
        if (RowScope.sameValue(pin.getValue(), given)) {
            return given;
        }
        throw refused(table, pin.getKey(), given, pin.getValue(), verb);
    }

    private static IllegalArgumentException refused(FromItem.TableItem table, String column, Expr given, Expr pin,
                                                    String verb) {
        String value = given instanceof Expr.Slot s ? "the parameter :" + s.key().name()
                : SqlRenderer.inline(given);
        return new IllegalArgumentException(what(table, verb) + ": column " + column + " is given " + value
                + ", but the table is scoped to " + SqlRenderer.inline(table.scope().condition())
                + ", which fixes it to " + SqlRenderer.inline(pin) + "; leave it unset (it is filled in) or give "
                + SqlRenderer.inline(pin));
    }

    private static String what(FromItem.TableItem table, String verb) {
        return verb + " " + (table.schema() != null ? Identifiers.quote(table.schema()) + "." : "")
                + Identifiers.quote(table.name()) + " (scoped)";
    }
}
