package dev.belay.dsl.internal;

import java.util.List;

/** {@code WITH [RECURSIVE] name(columns) AS (query), ...}; empty when {@code ctes} is empty. */
public record WithNode(boolean recursive, List<CteDef> ctes) {
    public WithNode {
        ctes = List.copyOf(ctes);
    }
    public static final WithNode NONE = new WithNode(false, List.of());

    /** One common table expression; {@code columns} may be empty. */
    public record CteDef(String name, List<String> columns, QueryNode query) {
        public CteDef {
            columns = List.copyOf(columns);
        }
    }
}
