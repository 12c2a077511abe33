package io.relaybox.outbox.inbox.spring;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.kafka.CommitBarrier;
import io.relaybox.outbox.kafka.InboxConsumer;
import io.relaybox.outbox.kafka.InboxConsumerBuilder;
import io.relaybox.outbox.spring.InboxAutoConfiguration;

/**
 * Consumes {@code outbox.inbox.topics} from {@code spring.kafka.bootstrap-servers} through the application's
 * {@link Inbox} (the one the outbox starter builds around its {@code EventHandler}, named {@code outbox.inbox.consumer}):
 * each event is applied in one Spring transaction with its {@code processed_event} record and the events the handler
 * publishes, and its offset is committed afterwards. The consumer group is {@code spring.kafka.consumer.group-id},
 * default the consumer name. Adds the {@code inbox} health and {@code GET /inbox/stats}. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = InboxAutoConfiguration.class)
@ConditionalOnClass({ InboxConsumer.class, Inbox.class })
@ConditionalOnBean(Inbox.class)
@ConditionalOnBooleanProperty(name = "outbox.inbox.consumer-enabled", matchIfMissing = true)
@EnableConfigurationProperties(InboxConsumerProperties.class)
public final class InboxConsumerAutoConfiguration {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String GROUP_ID = "spring.kafka.consumer.group-id";

    /**
     * The Kafka consumer of the inbox, started and stopped with the application.
     *
     * @param properties the {@code outbox.inbox.*} properties
     * @param environment for {@code spring.kafka.bootstrap-servers} and {@code spring.kafka.consumer.group-id}
     * @param inbox the inbox
     * @param commitBarrier a hook between the database commits and the offset commit, if the application has one
     *        (only crash tests do)
     * @param customizers applied to the consumer's builder last (the Kafka client meters, with Micrometer)
     * @return its lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public InboxConsumerLifecycle inboxConsumerLifecycle(InboxConsumerProperties properties, Environment environment,
            Inbox inbox, ObjectProvider<CommitBarrier> commitBarrier, ObjectProvider<InboxConsumerCustomizer> customizers) {
        Binder binder = Binder.get(environment);
        List<String> bootstrapServers = binder.bind(BOOTSTRAP_SERVERS, Bindable.listOf(String.class))
                .orElse(List.of());
        if (bootstrapServers.stream().allMatch(String::isBlank)) {
            throw new OutboxConfigurationException(BOOTSTRAP_SERVERS + " must be set");
        }
        String clientId = clientId(inbox.consumer(), properties.getInstanceId());
        CommitBarrier barrier = commitBarrier.getIfAvailable();
        InboxConsumerBuilder builder = InboxConsumer.builder()
                .inbox(inbox)
                .bootstrapServers(String.join(",", bootstrapServers))
                .topics(properties.getTopics().toArray(String[]::new))
                .clientProperty("client.id", clientId + "-admin")
                .consumerProperty("client.id", clientId)
                .producerProperty("client.id", clientId + "-dlq")
                .pollTimeout(properties.getPollTimeout())
                .maxBatch(properties.getMaxBatch())
                .retryBackoff(properties.getRetryBackoff(), properties.getRetryBackoffMax())
                .closeTimeout(properties.getCloseTimeout())
                .commitBarrier(barrier);
        properties.getConsumerProperties().forEach(builder::consumerProperty);
        String groupId = binder.bind(GROUP_ID, String.class).orElse("");
        if (!groupId.isBlank()) {
            builder.groupId(groupId);
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return new InboxConsumerLifecycle(builder.build(), barrier);
    }

    /** The instance's Kafka client id: the instance id, prefixed with the consumer name unless it starts with it. */
    static String clientId(String consumer, String instanceId) {
        String instance = instanceId == null || instanceId.isBlank() ? Long.toString(ProcessHandle.current().pid())
                : instanceId;
        return instance.startsWith(consumer) ? instance : consumer + "-" + instance;
    }

    /**
     * The inbox's Kafka consumer's client metrics (records lag per partition, fetch rates, ...) as Micrometer meters
     * ({@code kafka.consumer.*}; Prometheus: {@code kafka_consumer_fetch_manager_records_lag{topic,partition}}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaClientMetrics.class)
    static class KafkaClientMetricsConfiguration {

        @Bean
        InboxConsumerCustomizer inboxKafkaClientMetrics(ObjectProvider<MeterRegistry> registry) {
            return builder -> builder.kafkaConsumerListener(consumer -> {
                MeterRegistry meters = registry.getIfAvailable();
                if (meters != null) {
                    new KafkaClientMetrics(consumer).bindTo(meters);
                }
            });
        }
    }

    /** {@code GET /inbox/stats}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class StatsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        InboxStatsController inboxStatsController(Inbox inbox) {
            return new InboxStatsController(inbox);
        }
    }

    /** The {@code inbox} health contributor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "inboxHealthIndicator")
        HealthIndicator inboxHealthIndicator(InboxConsumerLifecycle lifecycle) {
            return new InboxHealthIndicator(lifecycle);
        }
    }
}
