package io.relaybox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JacksonPayloadSerializerTest {

    record Placed(String orderId, BigDecimal total, Instant placedAt, LocalDate deliveryDay, Duration window,
            List<String> skus) {
    }

    @Test
    void writesJavaTimeAsIsoStrings() {
        Placed placed = new Placed("o-1", new BigDecimal("12.50"), Instant.parse("2026-11-25T10:15:30.123456Z"),
                LocalDate.of(2026, 12, 1), Duration.ofHours(2), List.of("A", "B"));

        assertThat(PayloadSerializer.jackson().toJson(placed)).isEqualTo("{\"orderId\":\"o-1\",\"total\":12.50,"
                + "\"placedAt\":\"2026-11-25T10:15:30.123456Z\",\"deliveryDay\":\"2026-12-01\",\"window\":\"PT2H\","
                + "\"skus\":[\"A\",\"B\"]}");
    }
}
