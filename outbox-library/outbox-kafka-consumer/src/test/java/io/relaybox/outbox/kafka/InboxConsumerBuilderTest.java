package io.relaybox.outbox.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.Inbox;

class InboxConsumerBuilderTest {

    private final Inbox inbox = new RecordProcessorTest.ScriptedInbox();

    @Test
    void groupsByTheInboxsConsumerNameUnlessToldOtherwise() {
        try (InboxConsumer consumer = valid().build()) {
            assertThat(consumer.groupId()).isEqualTo("inventory-service");
            assertThat(consumer.isRunning()).isFalse();
            assertThat(consumer.assignment()).isEmpty();
        }
        try (InboxConsumer consumer = valid().groupId("inventory-blue").build()) {
            assertThat(consumer.groupId()).isEqualTo("inventory-blue");
        }
    }

    @Test
    void requiresInboxBootstrapServersAndTopics() {
        assertThatThrownBy(() -> InboxConsumer.builder().bootstrapServers("k:9092").topics("t").build())
                .isInstanceOf(OutboxConfigurationException.class).hasMessage("outbox.inbox.kafka.inbox must be set");
        assertThatThrownBy(() -> InboxConsumer.builder().inbox(inbox).topics("t").build())
                .hasMessage("outbox.inbox.kafka.bootstrap-servers must be set");
        assertThatThrownBy(() -> InboxConsumer.builder().inbox(inbox).bootstrapServers("k:9092").build())
                .hasMessageStartingWith("outbox.inbox.kafka.topics must not be empty");
    }

    @Test
    void refusesABackoffWhoseMaximumIsBelowItsStart() {
        assertThatThrownBy(() -> valid().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .hasMessageStartingWith("outbox.inbox.kafka.retry-backoff-max must be at least retry-backoff");
        assertThatThrownBy(() -> valid().retryBackoff(Duration.ZERO, Duration.ofSeconds(1)).build())
                .hasMessage("outbox.inbox.kafka.retry-backoff must be positive, was: PT0S");
    }

    @Test
    void cannotBeStartedTwice() {
        InboxConsumer consumer = valid().build();
        consumer.close();

        assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class);
    }

    private InboxConsumerBuilder valid() {
        return InboxConsumer.builder().inbox(inbox).bootstrapServers("127.0.0.1:1").topics("orders.events");
    }
}
