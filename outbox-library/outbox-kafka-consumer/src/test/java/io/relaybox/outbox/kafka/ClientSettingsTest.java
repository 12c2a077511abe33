package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relaybox.outbox.OutboxConfigurationException;

class ClientSettingsTest {

    @Test
    void consumesCommittedRecordsFromTheStartWithoutAutoCommit() {
        ClientSettings settings = ClientSettings.of("k:9092", "inventory-service", Map.of(), Map.of(), Map.of());

        assertThat(settings.consumer()).containsEntry("bootstrap.servers", "k:9092")
                .containsEntry("group.id", "inventory-service").containsEntry("enable.auto.commit", "false")
                .containsEntry("isolation.level", "read_committed").containsEntry("auto.offset.reset", "earliest");
    }

    @Test
    void sendsDeadLettersIdempotentlyWithAcksAll() {
        ClientSettings settings = ClientSettings.of("k:9092", "inventory-service", Map.of(), Map.of(), Map.of());

        assertThat(settings.producer()).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "inventory-service-dlq");
    }

    @Test
    void passesCommonAndClientSpecificSettingsThrough() {
        ClientSettings settings = ClientSettings.of("k:9092", "g", Map.of("security.protocol", "SSL"),
                Map.of("max.poll.records", 50, "auto.offset.reset", "latest"), Map.of("linger.ms", 5));

        assertThat(settings.consumer()).containsEntry("security.protocol", "SSL").containsEntry("max.poll.records", 50)
                .containsEntry("auto.offset.reset", "latest").doesNotContainKey("linger.ms");
        assertThat(settings.producer()).containsEntry("security.protocol", "SSL").containsEntry("linger.ms", 5)
                .doesNotContainKey("max.poll.records");
        assertThat(settings.admin()).containsOnlyKeys("bootstrap.servers", "security.protocol");
    }

    @Test
    void refusesAutoCommitNamingWhy() {
        assertThatThrownBy(() -> ClientSettings.of("k:9092", "g", Map.of(), Map.of("enable.auto.commit", "true"),
                Map.of())).isInstanceOf(OutboxConfigurationException.class)
                .hasMessageContaining("enable.auto.commit must be false (offsets are committed only after the database"
                        + " transaction), was: true");
    }

    @Test
    void refusesAWeakerDeadLetterProducer() {
        assertThatThrownBy(() -> ClientSettings.of("k:9092", "g", Map.of(), Map.of(), Map.of("acks", "1")))
                .hasMessageContaining("acks must be all");
        assertThatThrownBy(() -> ClientSettings.of("k:9092", "g", Map.of(), Map.of(),
                Map.of("enable.idempotence", false))).hasMessageContaining("enable.idempotence must be true");
    }
}
