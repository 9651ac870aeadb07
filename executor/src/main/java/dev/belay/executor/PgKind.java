package dev.belay.executor;

/**
 * What kind of values a result column holds, from the type name pgjdbc resolves its OID to. Decides which
 * Java types may read it without loss. Domains arrive as their base type; enums, composites and extension
 * types ({@code citext}, {@code ltree}) are {@link #OTHER}.
 */
enum PgKind {
    INTEGER, NUMERIC, FLOAT, TEXT, BOOL, UUID, DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL, BYTEA, JSON,
    ARRAY, OTHER;

    static PgKind of(String dbType) {
        return switch (dbType) {
            case "int2", "int4", "int8", "serial", "bigserial", "smallserial", "oid" -> INTEGER;
            case "numeric" -> NUMERIC;
            case "float4", "float8" -> FLOAT;
            case "text", "varchar", "bpchar", "char", "name", "unknown", "xml" -> TEXT;
            case "bool" -> BOOL;
            case "uuid" -> UUID;
            case "date" -> DATE;
            case "time" -> TIME;
            case "timetz" -> TIMETZ;
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "interval" -> INTERVAL;
            case "bytea" -> BYTEA;
            case "json", "jsonb" -> JSON;
            default -> dbType.startsWith("_") ? ARRAY : OTHER;
        };
    }
}
