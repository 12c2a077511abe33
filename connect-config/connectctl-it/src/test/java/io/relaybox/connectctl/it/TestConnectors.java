package io.relaybox.connectctl.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PostgresServer;
import io.relaybox.testkit.TestStack;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connector files for integration tests: the platform's Debezium outbox source on a slot of its own, and Kafka's
 * FileStream sink; and the cleanup after them (connectors deleted, replication slots dropped).
 */
final class TestConnectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestConnectors() {
    }

    /** The bundled orders outbox source under another name and slot; database host and port still the compose ones. */
    static Map<String, String> outboxSource(String slot) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorDefinition.readBundled("orders-outbox-source.json").config());
        config.put("slot.name", slot);
        return config;
    }

    /** Kafka's file sink: appends each record's value to the file, one line each. */
    static Map<String, String> fileSink(String topic, Path file) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", TestStack.FILE_SINK);
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("file", file.toAbsolutePath().toString());
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        return config;
    }

    /** Writes a connector file {@code <folder>/<name>.json} in the REST API's body format. */
    static Path write(Path folder, String name, Map<String, String> config) {
        Path file = folder.resolve(name + ".json");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("name", name, "config", config)));
        } catch (IOException e) {
            throw new PlatformException("cannot write " + file, e);
        }
        return file;
    }

    /** Drops the replication slot once its connector let go of it (Debezium's walsender ends a moment after deletion). */
    static void dropSlot(PostgresServer postgres, String slot) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> dropIfInactive(postgres, slot));
    }

    private static boolean dropIfInactive(PostgresServer postgres, String slot) throws SQLException {
        try (Connection connection = postgres.connectAsSuperuser(TestStack.ORDERS_DATABASE);
                PreparedStatement drop = connection.prepareStatement(
                        "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            drop.setString(1, slot);
            drop.execute();
            exists.setString(1, slot);
            try (ResultSet rows = exists.executeQuery()) {
                return !rows.next();
            }
        }
    }
}
