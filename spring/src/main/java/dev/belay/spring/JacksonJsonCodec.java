package dev.belay.spring;

import dev.belay.executor.JsonCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Belay's json/jsonb values of application types through Jackson 3 (the {@code JsonMapper} Spring Boot configures,
 * when there is one): a column {@code PgType.jsonb(Settings.class)} binds and reads {@code Settings} objects.
 */
final class JacksonJsonCodec implements JsonCodec {
    private final JsonMapper mapper;

    JacksonJsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String toJson(Object value) {
        return mapper.writeValueAsString(value);
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }
}
