package io.relaybox.outbox.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.relaybox.outbox.OutboxListener;
import io.relaybox.outbox.inbox.Inbox;

/**
 * Meters for the outbox and the inbox when Micrometer is on the classpath: committed outbox events by type
 * ({@code relaybox.outbox.events}) and the inbox's counters ({@code relaybox.inbox.events} by outcome). With the
 * actuator and {@code micrometer-registry-prometheus} they appear at {@code /actuator/prometheus}.
 */
@AutoConfiguration(after = { OutboxAutoConfiguration.class, InboxAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
public final class OutboxMetricsAutoConfiguration {

    /**
     * Counts committed outbox events; the outbox bean takes it as its listener.
     *
     * @param registry the application's meter registry, if it has one
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean(OutboxListener.class)
    public OutboxListener committedOutboxEventsCounter(ObjectProvider<MeterRegistry> registry) {
        return new CommittedOutboxEventsCounter(registry::getIfAvailable);
    }

    /**
     * The inbox's counters as meters.
     *
     * @param inbox the application's inbox
     * @return the binder, which Spring Boot binds to every registry
     */
    @Bean
    @ConditionalOnBean(Inbox.class)
    public InboxMeters inboxMeters(Inbox inbox) {
        return new InboxMeters(inbox);
    }
}
