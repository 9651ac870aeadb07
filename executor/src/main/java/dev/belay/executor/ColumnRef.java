package dev.belay.executor;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One result column as mapping errors name it: its label, its PostgreSQL type and, when it fills a property,
 * which one ({@code "age" (int4) -> Person.age}).
 */
record ColumnRef(String label, String dbType, @Nullable String property) {

    String quoted() {
        return "\"" + label + "\"";
    }

    MappingException error(String problem, @Nullable Throwable cause) {
        return new MappingException("column " + this + ": " + problem, cause, ErrorContext.NONE.column(quoted()));
    }

    @Override
    public String toString() {
        return quoted() + " (" + dbType + ")" + (property == null ? "" : " -> " + property);
    }
}
