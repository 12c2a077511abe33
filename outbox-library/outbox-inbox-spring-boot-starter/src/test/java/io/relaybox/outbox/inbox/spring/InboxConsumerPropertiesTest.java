package io.relaybox.outbox.inbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class InboxConsumerPropertiesTest {

    @Test
    void bindsTheArgumentsThePlatformPasses() {
        InboxConsumerProperties properties = bind(Map.of(
                "outbox.inbox.instance-id", "inventory-service-2",
                "outbox.inbox.poll-timeout", "200ms",
                "outbox.inbox.consumer-properties[session.timeout.ms]", "10000"));

        assertThat(properties.getInstanceId()).isEqualTo("inventory-service-2");
        assertThat(properties.getPollTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.getConsumerProperties()).containsExactly(Map.entry("session.timeout.ms",
                "10000"));
    }

    @Test
    void consumesOrdersEventsByDefault() {
        InboxConsumerProperties properties = bind(Map.of("outbox.inbox.instance-id", "x"));

        assertThat(properties.isConsumerEnabled()).isTrue();
        assertThat(properties.getTopics()).containsExactly("orders.events");
    }

    private static InboxConsumerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("outbox.inbox", InboxConsumerProperties.class)
                .get();
    }
}
