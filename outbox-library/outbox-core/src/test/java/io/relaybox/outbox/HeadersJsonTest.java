package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class HeadersJsonTest {

    @Test
    void writesNothingForNoHeaders() {
        assertThat(HeadersJson.toJsonOrNull(Map.of())).isNull();
    }

    @Test
    void writesAJsonObjectThatReadsBackToTheSameHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("tenant", "eu-1");
        headers.put("quote\"back\\slash", "line\nbreak\ttab\u0001control é ✓");

        String json = HeadersJson.toJsonOrNull(headers);

        assertThat(JsonMapper.shared().readValue(json, new TypeReference<Map<String, String>>() { })).isEqualTo(headers);
        assertThat(json).startsWith("{\"tenant\":\"eu-1\",");
    }
}
