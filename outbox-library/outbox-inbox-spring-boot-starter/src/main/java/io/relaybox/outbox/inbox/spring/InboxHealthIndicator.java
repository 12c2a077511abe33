package io.relaybox.outbox.inbox.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.relaybox.outbox.kafka.InboxConsumer;

/** The {@code inbox} health: UP while the consumer thread runs, DOWN before it starts and after it failed. */
final class InboxHealthIndicator implements HealthIndicator {

    private final InboxConsumerLifecycle lifecycle;

    InboxHealthIndicator(InboxConsumerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        InboxConsumer consumer = lifecycle.consumer().orElse(null);
        if (consumer == null) {
            return Health.down().withDetail("reason", "the consumer has not started").build();
        }
        Health.Builder health = consumer.isRunning() ? Health.up() : Health.down();
        health.withDetail("group", consumer.groupId()).withDetail("partitions", consumer.assignment().size());
        consumer.failure().ifPresent(failure -> health.withDetail("failure", failure.toString()));
        return health.build();
    }
}
