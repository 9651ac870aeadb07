package dev.belay.dsl.internal;

import dev.belay.dsl.PgType;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The built-in types by the names {@code @Column(type = ..)} may give them. One table for
 * {@code Table.of(..)} and the code generator, so a generated descriptor makes the same choice as a derived one.
 */
public final class TypeNames {
    private static final Map<String, PgType<?>> BUILTIN_BY_NAME = Map.ofEntries(
            Map.entry("text", PgType.TEXT), Map.entry("varchar", PgType.VARCHAR), Map.entry("int2", PgType.INT2),
            Map.entry("smallint", PgType.INT2), Map.entry("int4", PgType.INT4), Map.entry("integer", PgType.INT4),
            Map.entry("int8", PgType.INT8), Map.entry("bigint", PgType.INT8), Map.entry("numeric", PgType.NUMERIC),
            Map.entry("float4", PgType.FLOAT4), Map.entry("real", PgType.FLOAT4), Map.entry("float8", PgType.FLOAT8),
            Map.entry("double precision", PgType.FLOAT8), Map.entry("bool", PgType.BOOL),
            Map.entry("boolean", PgType.BOOL), Map.entry("uuid", PgType.UUID), Map.entry("date", PgType.DATE),
            Map.entry("time", PgType.TIME), Map.entry("timestamp", PgType.TIMESTAMP),
            Map.entry("timestamptz", PgType.TIMESTAMPTZ), Map.entry("interval", PgType.INTERVAL),
            Map.entry("bytea", PgType.BYTEA), Map.entry("jsonb", PgType.JSONB), Map.entry("json", PgType.JSON));

    private TypeNames() {}

    /** The built-in type called {@code name} ({@code "bigint"} is int8), or null for any other name. */
    public static @Nullable PgType<?> builtin(String name) {
        return BUILTIN_BY_NAME.get(name);
    }
}
