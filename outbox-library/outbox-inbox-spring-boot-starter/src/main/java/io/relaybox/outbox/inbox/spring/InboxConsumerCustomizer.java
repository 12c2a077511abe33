package io.relaybox.outbox.inbox.spring;

import io.relaybox.outbox.kafka.InboxConsumerBuilder;

/**
 * Customizes the inbox's consumer before it is built, after the {@code outbox.inbox.*} properties are applied: a bean
 * of this type is applied to the builder of {@link InboxConsumerAutoConfiguration} (the Kafka client meters are one).
 */
@FunctionalInterface
public interface InboxConsumerCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, its properties set
     */
    void customize(InboxConsumerBuilder builder);
}
