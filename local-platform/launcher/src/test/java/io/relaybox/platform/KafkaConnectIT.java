package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectRestException;
import io.relaybox.connectctl.PluginInfo;

class KafkaConnectIT {

    static final Path FOLDER = Path.of("target/it-kafka-connect");

    static KafkaBroker kafka;
    static ConnectWorker connect;

    @BeforeAll
    static void start() {
        Folders.deleteRecursively(FOLDER);
        PlatformLayout layout = PlatformLayout.detect();
        kafka = new KafkaBroker(FOLDER.resolve("kafka"), layout.kafkaClasspath(), FreePort.any(), FreePort.any(),
                FOLDER.resolve("kafka.log"));
        kafka.start(Duration.ofSeconds(120));
        connect = new ConnectWorker(FOLDER.resolve("connect"), layout.connectClasspath(), layout.connectPluginFolders(),
                kafka.bootstrapServers(), FreePort.any(), FOLDER.resolve("connect.log"), Map.of(),
                new ConnectWorker.Credentials("tester", "t3st-pw"));
        connect.start(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (connect != null) {
            connect.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void findsDebeziumAndItsOutboxRouterThroughServiceLoading() {
        assertThat(connect.client().plugins(true)).extracting(PluginInfo::className)
                .contains("io.debezium.connector.postgresql.PostgresConnector", "io.debezium.transforms.outbox.EventRouter");
    }

    @Test
    void refusesRequestsWithoutTheRightPassword() {
        ConnectClient anonymous = ConnectClient.of(URI.create(connect.restUrl()));
        ConnectClient wrongPassword = anonymous.withBasicAuth("tester", "wrong");

        assertThatThrownBy(anonymous::connectors).isInstanceOf(ConnectRestException.class).hasMessageContaining("401");
        assertThatThrownBy(wrongPassword::connectors).isInstanceOf(ConnectRestException.class).hasMessageContaining("401");
        assertThat(connect.client().connectors()).isEmpty();
    }
}
