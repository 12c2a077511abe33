package io.relaybox.service.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RelayboxPropertiesTest {

    @Test
    void bindsTheArgumentsThePlatformPasses() {
        RelayboxProperties properties = bind(Map.of(
                "relaybox.kafka.bootstrap-servers", "127.0.0.1:19092",
                "relaybox.instance-id", "inventory-service-2",
                "relaybox.inbox.pause-before-offset-commit", "/tmp/pause",
                "relaybox.inbox.poll-timeout", "200ms",
                "relaybox.inbox.consumer-properties[session.timeout.ms]", "10000"));

        assertThat(properties.getKafka().getBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(properties.getInstanceId()).isEqualTo("inventory-service-2");
        assertThat(properties.getInbox().getPauseBeforeOffsetCommit()).isEqualTo("/tmp/pause");
        assertThat(properties.getInbox().getPollTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.getInbox().getConsumerProperties()).containsExactly(Map.entry("session.timeout.ms",
                "10000"));
    }

    @Test
    void consumesOrdersEventsByDefault() {
        RelayboxProperties properties = bind(Map.of("relaybox.instance-id", "x"));

        assertThat(properties.getInbox().isEnabled()).isTrue();
        assertThat(properties.getInbox().getTopics()).containsExactly("orders.events");
        assertThat(properties.getInbox().getPauseBeforeOffsetCommit()).isNull();
    }

    private static RelayboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("relaybox", RelayboxProperties.class)
                .get();
    }
}
