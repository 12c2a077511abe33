package io.relaybox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorDefinition;

class EnginePropertiesTest {

    private static final RelaySettings SETTINGS = new RelaySettings("127.0.0.1:9092", RelaySettings.DEFAULT_OFFSETS_TOPIC, (short) 1);

    @Test
    void runsTheConnectorFileAsItIsWithoutWhatOnlyAConnectWorkerReads() {
        Map<String, String> config = ConnectorDefinition.read(connectorFile("orders-outbox-source.json")).config();

        Properties engine = EngineProperties.of("orders-outbox-source", config, SETTINGS);

        assertThat(engine.getProperty("name")).isEqualTo("orders-outbox-source");
        assertThat(engine.getProperty("connector.class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
        assertThat(engine.getProperty("slot.name")).isEqualTo("relaybox_orders_outbox");
        assertThat(engine.getProperty("transforms.outbox.type")).isEqualTo("io.debezium.transforms.outbox.EventRouter");
        assertThat(engine.stringPropertyNames()).noneMatch(key -> key.startsWith("producer.override.") || key.startsWith("topic.creation."))
                .doesNotContain("exactly.once.support", "transaction.boundary");
        assertThat(engine.getProperty("offset.storage")).isEqualTo("org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        assertThat(engine.getProperty("offset.storage.topic")).isEqualTo("relaybox-relay-offsets");
        assertThat(engine.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void givesTheProducerTheFilesOverridesButAlwaysAcksAllAndIdempotenceWithoutATransaction() {
        Map<String, String> config = ConnectorDefinition.read(connectorFile("orders-outbox-source.json")).config();

        Map<String, Object> producer = RelayedConnector.producerSettings("orders-outbox-source", config, SETTINGS);

        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true").containsEntry("compression.type", "lz4")
                .containsEntry("linger.ms", "10").doesNotContainKeys("transactional.id", "transaction.timeout.ms");
    }

    @Test
    void resolvesEnvironmentReferencesAndRefusesOnesThatAreNotSet() {
        assertThat(ConfigProviders.resolve(Map.of("database.dbname", "orders"))).containsEntry("database.dbname", "orders");
        assertThatThrownBy(() -> ConfigProviders.resolve(Map.of("database.password", "${env:RELAYBOX_NOT_SET_IN_ANY_TEST}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database.password")
                .hasMessageContaining("RELAYBOX_NOT_SET_IN_ANY_TEST");
    }

    static Path connectorFile(String name) {
        Path home = Path.of(System.getProperty("relaybox.home", "../.."));
        return home.resolve("connect-config/connectors").resolve(name);
    }
}
