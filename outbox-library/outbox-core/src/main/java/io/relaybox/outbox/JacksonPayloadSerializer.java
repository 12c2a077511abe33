package io.relaybox.outbox;

import java.util.Objects;

import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Serializes payloads with a Jackson 3 {@link JsonMapper}. */
final class JacksonPayloadSerializer implements PayloadSerializer {

    private final JsonMapper mapper;

    JacksonPayloadSerializer(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    static JacksonPayloadSerializer withDefaults() {
        return new JacksonPayloadSerializer(JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build());
    }

    @Override
    public String toJson(Object payload) {
        return mapper.writeValueAsString(payload);
    }
}
