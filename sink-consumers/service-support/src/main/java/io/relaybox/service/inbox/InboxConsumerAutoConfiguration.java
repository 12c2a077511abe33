package io.relaybox.service.inbox;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.kafka.InboxConsumer;
import io.relaybox.outbox.kafka.InboxConsumerBuilder;
import io.relaybox.outbox.spring.InboxAutoConfiguration;

/**
 * Consumes {@code relaybox.inbox.topics} through the application's {@link Inbox} (the one the outbox starter builds
 * around its {@code EventHandler}, named {@code outbox.inbox.consumer}): each event is applied in one Spring
 * transaction with its {@code processed_event} record and the events the handler publishes, and its offset is committed
 * afterwards. Adds the {@code inbox} health and {@code GET /inbox/stats}.
 */
@AutoConfiguration(after = InboxAutoConfiguration.class)
@ConditionalOnClass(InboxConsumer.class)
@ConditionalOnBean(Inbox.class)
@ConditionalOnBooleanProperty(name = "relaybox.inbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RelayboxProperties.class)
public final class InboxConsumerAutoConfiguration {

    /**
     * The Kafka consumer of the inbox, started and stopped with the application.
     *
     * @param properties the properties
     * @param inbox the inbox
     * @return its lifecycle
     */
    @Bean
    public InboxConsumerLifecycle inboxConsumerLifecycle(RelayboxProperties properties, Inbox inbox) {
        RelayboxProperties.Inbox settings = properties.getInbox();
        String bootstrapServers = required(properties.getKafka().getBootstrapServers(),
                "relaybox.kafka.bootstrap-servers");
        String clientId = clientId(inbox.consumer(), properties.getInstanceId());
        String pause = settings.getPauseBeforeOffsetCommit();
        FileCommitBarrier barrier = pause == null || pause.isBlank() ? null : new FileCommitBarrier(Path.of(pause));
        InboxConsumerBuilder builder = InboxConsumer.builder()
                .inbox(inbox)
                .bootstrapServers(bootstrapServers)
                .topics(settings.getTopics().toArray(String[]::new))
                .clientProperty("client.id", clientId + "-admin")
                .consumerProperty("client.id", clientId)
                .producerProperty("client.id", clientId + "-dlq")
                .pollTimeout(settings.getPollTimeout())
                .retryBackoff(settings.getRetryBackoff(), settings.getRetryBackoffMax())
                .closeTimeout(settings.getCloseTimeout())
                .commitBarrier(barrier);
        settings.getConsumerProperties().forEach(builder::consumerProperty);
        if (settings.getGroupId() != null && !settings.getGroupId().isBlank()) {
            builder.groupId(settings.getGroupId());
        }
        return new InboxConsumerLifecycle(builder.build(), barrier);
    }

    /** The instance's Kafka client id: the instance id, prefixed with the consumer name unless it starts with it. */
    static String clientId(String consumer, String instanceId) {
        String instance = instanceId == null || instanceId.isBlank() ? Long.toString(ProcessHandle.current().pid())
                : instanceId;
        return instance.startsWith(consumer) ? instance : consumer + "-" + instance;
    }

    private static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new OutboxConfigurationException(property + " must be set");
        }
        return value;
    }

    /** {@code GET /inbox/stats}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class StatsConfiguration {

        @Bean
        InboxStatsController inboxStatsController(Inbox inbox) {
            return new InboxStatsController(inbox);
        }
    }

    /** The {@code inbox} health contributor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        HealthIndicator inboxHealthIndicator(InboxConsumerLifecycle lifecycle) {
            return new InboxHealthIndicator(lifecycle);
        }
    }
}
