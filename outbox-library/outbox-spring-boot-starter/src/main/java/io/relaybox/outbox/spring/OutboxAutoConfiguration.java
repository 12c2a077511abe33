package io.relaybox.outbox.spring;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceUtils;

import io.micrometer.tracing.Tracer;
import io.relaybox.outbox.EventIdGenerator;
import io.relaybox.outbox.OutboxListener;
import io.relaybox.outbox.PayloadValidation;
import io.relaybox.outbox.PayloadValidator;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.OutboxPurger;
import io.relaybox.outbox.PayloadSerializer;
import io.relaybox.outbox.TraceContext;
import io.relaybox.outbox.TransactionalConnectionSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configures an {@link Outbox} that writes in the application's {@code @Transactional} transactions on its
 * {@link DataSource}, serializes payloads with the application's {@link JsonMapper}, takes the traceparent from
 * Micrometer Tracing, adds the outbox migration to Flyway and, in retain mode, purges old rows. Each bean backs off
 * when the application defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ Outbox.class, DataSourceUtils.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    private static final Log LOG = LogFactory.getLog(OutboxAutoConfiguration.class);


    /**
     * The connection of the current Spring transaction on the application's data source.
     *
     * @param dataSource the application's data source
     * @return the connection source
     */
    @Bean
    @ConditionalOnMissingBean
    public TransactionalConnectionSource outboxConnectionSource(DataSource dataSource) {
        return new SpringTransactionalConnectionSource(dataSource);
    }

    /**
     * Jackson 3 with the application's {@link JsonMapper} when there is exactly one, so that event payloads look
     * like the application's HTTP responses; otherwise the library's default mapper.
     *
     * @param jsonMapper the application's mapper, if any
     * @return the serializer
     */
    @Bean
    @ConditionalOnMissingBean
    public PayloadSerializer outboxPayloadSerializer(ObjectProvider<JsonMapper> jsonMapper) {
        JsonMapper mapper = jsonMapper.getIfUnique();
        return mapper != null ? PayloadSerializer.jackson(mapper) : PayloadSerializer.jackson();
    }

    /**
     * The outbox, built and validated from the {@code outbox.*} properties.
     *
     * @param properties the properties
     * @param connectionSource the current transaction's connection
     * @param payloadSerializer the serializer
     * @param traceContext the trace context, if any; none otherwise
     * @param eventIdGenerator the id generator, if any; UUIDv7 otherwise
     * @param listener told of each event written, if any (the committed-events counter, with Micrometer)
     * @return the outbox
     */
    @Bean
    @ConditionalOnMissingBean
    public Outbox outbox(OutboxProperties properties, TransactionalConnectionSource connectionSource,
            PayloadSerializer payloadSerializer, ObjectProvider<TraceContext> traceContext,
            ObjectProvider<EventIdGenerator> eventIdGenerator, ObjectProvider<OutboxListener> listener,
            ObjectProvider<PayloadValidator> payloadValidator) {
        return Outbox.builder()
                .connectionSource(connectionSource)
                .table(properties.getTable())
                .cleanupMode(properties.getCleanup())
                .maxPayloadBytes(properties.getMaxPayloadBytes())
                .payloadSerializer(payloadSerializer)
                .traceContext(traceContext.getIfAvailable(TraceContext::none))
                .eventIdGenerator(eventIdGenerator.getIfAvailable(EventIdGenerator::timeOrdered))
                .listener(listener.getIfAvailable(OutboxListener::none))
                .payloadValidator(validator(payloadValidator, properties), properties.getValidation())
                .build();
    }

    /** The application's contract check, else one a library on the class path registers, else none. */
    private static PayloadValidator validator(ObjectProvider<PayloadValidator> bean, OutboxProperties properties) {
        return validator(bean, properties.getValidation(), "outbox: every payload is checked by", "outbox.validation");
    }

    /**
     * The application's contract check, else one a library on the class path registers, else none; says at start which
     * one checks, unless the mode is off.
     */
    static PayloadValidator validator(ObjectProvider<PayloadValidator> bean, PayloadValidation mode, String what, String property) {
        Optional<PayloadValidator> found = Optional.ofNullable(bean.getIfAvailable()).or(OutboxAutoConfiguration::contractOnTheClassPath);
        if (found.isPresent() && mode != PayloadValidation.OFF) {
            LOG.info(what + " " + found.get().getClass().getName() + " (" + property + "=" + mode.name().toLowerCase(Locale.ROOT) + ")");
        }
        return found.orElseGet(PayloadValidator::none);
    }

    /** The contract check a library on the class path registers for {@link ServiceLoader} (e.g. event-contracts'). */
    static Optional<PayloadValidator> contractOnTheClassPath() {
        return ServiceLoader.load(PayloadValidator.class, OutboxAutoConfiguration.class.getClassLoader()).findFirst();
    }

    /** The traceparent of Micrometer Tracing's current span, when Micrometer Tracing is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TraceContext outboxTraceContext(ObjectProvider<Tracer> tracer) {
            return new MicrometerTraceContext(tracer);
        }
    }

    /** Adds {@code classpath:db/relaybox/outbox} to the application's Flyway locations. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
    @ConditionalOnBooleanProperty(name = "outbox.flyway.enabled", matchIfMissing = true)
    static class FlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer outboxFlywayLocations() {
            return new OutboxFlywayLocations();
        }
    }

    /** Purges rows past their retention, in retain mode only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "outbox.cleanup", havingValue = "retain")
    static class PurgeConfiguration {

        @Bean
        @ConditionalOnMissingBean
        OutboxPurger outboxPurger(DataSource dataSource, OutboxProperties properties) {
            return OutboxPurger.builder()
                    .dataSource(dataSource)
                    .table(properties.getTable())
                    .retention(properties.getRetention())
                    .batchSize(properties.getPurgeBatchSize())
                    .build();
        }

        @Bean
        OutboxPurgeScheduler outboxPurgeScheduler(OutboxPurger purger, OutboxProperties properties) {
            Duration interval = properties.getPurgeInterval();
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new OutboxConfigurationException("outbox.purge-interval must be positive, was: " + interval);
            }
            return new OutboxPurgeScheduler(purger, interval);
        }
    }
}
