package dev.belay.executor;

/**
 * Turns Java objects into JSON text and back, for json/jsonb columns typed with a Java class other than
 * String ({@code PgType.custom("jsonb", Settings.class)}). Belay has no JSON dependency: plug in the
 * application's mapper, e.g. {@code new JsonCodec() { ... objectMapper.writeValueAsString(v) ... }}.
 */
public interface JsonCodec {
    /** The JSON text of a non-null value, sent as the json/jsonb parameter. */
    String toJson(Object value);

    /** The object for a non-null json/jsonb value read from a column typed {@code PgType.jsonb(type)}. */
    <T> T fromJson(String json, Class<T> type);
}
