package io.relaybox.outbox.spring;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.observation.ObservationRegistry;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.PayloadValidator;
import io.relaybox.outbox.TransactionRunner;
import io.relaybox.outbox.TransactionalConnectionSource;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.FailureClassifier;
import io.relaybox.outbox.inbox.Inbox;

/**
 * Auto-configures the inbox: a {@link TransactionRunner} on the application's transaction manager and, when the
 * application defines one {@link EventHandler} bean, an {@link Inbox} named {@code outbox.inbox.consumer} (default
 * {@code spring.application.name}). The handler runs in the transaction that records the event, so its
 * {@code JdbcTemplate} writes and {@code Outbox} events commit with that record. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ Inbox.class, TransactionTemplate.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "outbox.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "outbox.inbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public final class InboxAutoConfiguration {

    /**
     * Transactions on the application's transaction manager, for the inbox.
     *
     * @param transactionManager the application's only transaction manager
     * @return the runner
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(PlatformTransactionManager.class)
    public TransactionRunner inboxTransactionRunner(PlatformTransactionManager transactionManager) {
        return new SpringTransactionRunner(transactionManager);
    }

    /**
     * The inbox, applying events with the application's {@link EventHandler}.
     *
     * @param properties the {@code outbox.*} properties
     * @param environment for {@code spring.application.name}
     * @param transactionRunner the transactions
     * @param connectionSource the current transaction's connection, if defined; else one on the data source
     * @param dataSource the application's data source
     * @param handler the application's handler
     * @param failureClassifier the application's classifier, if any; {@link FailureClassifier#defaults()} otherwise
     * @param observation wraps the handler in an observation per event, when Micrometer Observation is there
     * @param payloadValidator the contract check of received payloads, if defined; else one found through ServiceLoader
     * @return the inbox
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(EventHandler.class)
    @ConditionalOnBean(TransactionRunner.class)
    public Inbox inbox(OutboxProperties properties, Environment environment, TransactionRunner transactionRunner,
            ObjectProvider<TransactionalConnectionSource> connectionSource, DataSource dataSource,
            EventHandler handler, ObjectProvider<FailureClassifier> failureClassifier,
            ObjectProvider<InboxHandlerObservation> observation, ObjectProvider<PayloadValidator> payloadValidator) {
        String consumer = properties.getInbox().getConsumer();
        if (consumer == null || consumer.isBlank()) {
            consumer = environment.getProperty("spring.application.name");
        }
        if (consumer == null || consumer.isBlank()) {
            throw new OutboxConfigurationException("outbox.inbox.consumer must be set (or spring.application.name):"
                    + " it is the name the inbox records events under, e.g. inventory-service");
        }
        return Inbox.builder()
                .consumer(consumer)
                .transactionRunner(transactionRunner)
                .connectionSource(connectionSource.getIfAvailable(() -> new SpringTransactionalConnectionSource(
                        dataSource)))
                .handler(observation.getIfAvailable(() -> (plain, name) -> plain).observe(handler, consumer))
                .failureClassifier(failureClassifier.getIfAvailable(FailureClassifier::defaults))
                .payloadValidator(OutboxAutoConfiguration.validator(payloadValidator, properties.getInbox().getValidation(),
                        "inbox " + consumer + ": every received payload is checked by", "outbox.inbox.validation"),
                        properties.getInbox().getValidation())
                .build();
    }

    /**
     * With Micrometer Observation on the classpath, each event is handled in an observation that continues its trace
     * (see {@link ObservedEventHandler}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class Observed {

        @Bean
        @ConditionalOnMissingBean
        InboxHandlerObservation inboxHandlerObservation(ObjectProvider<ObservationRegistry> registry) {
            return (handler, consumer) -> new ObservedEventHandler(handler, consumer,
                    registry.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }
}
