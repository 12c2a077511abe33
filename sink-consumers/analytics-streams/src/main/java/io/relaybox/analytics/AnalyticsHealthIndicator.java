package io.relaybox.analytics;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP while the Kafka Streams client runs or rebalances; DOWN before it starts, once it failed and after it stopped. */
@Component("kafkaStreamsHealthIndicator")
class AnalyticsHealthIndicator implements HealthIndicator {

    private final AnalyticsStreams analytics;

    AnalyticsHealthIndicator(AnalyticsStreams analytics) {
        this.analytics = analytics;
    }

    @Override
    public Health health() {
        KafkaStreams streams = analytics.streams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING ? Health.up() : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
