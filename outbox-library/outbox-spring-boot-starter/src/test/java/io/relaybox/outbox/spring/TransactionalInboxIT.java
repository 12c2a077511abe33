package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.PayloadValidator;
import io.relaybox.outbox.inbox.EventContractViolationException;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.EventHandlingException;
import io.relaybox.outbox.inbox.FailureType;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.InboxResult;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;

/**
 * The starter's inbox in a Spring Boot application on a real PostgreSQL: a handler's {@code JdbcTemplate} write, its
 * outbox event and the processed record commit together, or not at all.
 */
@ExtendWith(PostgresExtension.class)
class TransactionalInboxIT {

    static ApplicationContextRunner runner;

    @Configuration(proxyBeanMethods = false)
    static class Application {

        /** Writes a business row and publishes a follow-up event; rejects orders named "reject" after both. */
        @Bean
        EventHandler reserveStock(JdbcTemplate jdbc, Outbox outbox) {
            return (event, connection) -> {
                jdbc.update("INSERT INTO business_row (id) VALUES (?)", event.aggregateId() + "/" + event.id());
                outbox.publish("inventory", event.aggregateId(), "StockReserved", Map.of("orderId", event.aggregateId()));
                if (event.aggregateId().equals("reject")) {
                    throw new PermanentEventFailure("order reject cannot be reserved");
                }
            };
        }
    }

    @BeforeAll
    static void createDatabase(PostgresEndpoint server) {
        server.ensureRole("starter_app", "app-pw", false);
        server.ensureDatabase("inbox_starter_it", "starter_app");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
                        JacksonAutoConfiguration.class, OutboxAutoConfiguration.class, InboxAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("spring.datasource.url=" + server.jdbcUrl("inbox_starter_it"),
                        "spring.datasource.username=starter_app", "spring.datasource.password=app-pw",
                        "spring.datasource.hikari.maximum-pool-size=2", "spring.application.name=inventory-service",
                        "outbox.cleanup=retain");
    }

    @Test
    void migratesTheInboxTablesWithTheOutbox() {
        runner.run(context -> assertThat(context.getBean(JdbcTemplate.class).queryForList(
                "SELECT tablename FROM pg_tables WHERE tablename IN ('processed_event', 'parked_event')", String.class))
                .containsExactlyInAnyOrder("processed_event", "parked_event"));
    }

    @Test
    void commitsTheEffectTheOutboxEventAndTheRecordTogetherAndSkipsTheDuplicate() {
        runner.run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));
            Inbox inbox = context.getBean(Inbox.class);
            InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "o-1", "{\"orderId\":\"o-1\"}");

            assertThat(inbox.receive(event)).isEqualTo(InboxResult.APPLIED);
            assertThat(inbox.receive(event)).isEqualTo(InboxResult.SKIPPED_DUPLICATE);

            assertThat(count(jdbc, "business_row")).isEqualTo(1);
            assertThat(count(jdbc, "outbox_event")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT consumer FROM processed_event WHERE event_id = ?", String.class,
                    event.id())).isEqualTo("inventory-service");
        });
    }

    @Test
    void metersCountWhatTheInboxDidAndTheEventsItsHandlerCommitted() {
        runner.withConfiguration(AutoConfigurations.of(OutboxMetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class).run(context -> {
                    emptied(context.getBean(JdbcTemplate.class));
                    SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
                    context.getBean(InboxMeters.class).bindTo(registry);
                    Inbox inbox = context.getBean(Inbox.class);
                    InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "o-metered", "{}");

                    inbox.receive(event);
                    inbox.receive(event);
                    assertThatThrownBy(() -> inbox.receive(InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "reject", "{}")))
                            .isInstanceOf(EventHandlingException.class);

                    assertThat(inboxEvents(registry, "applied")).isEqualTo(1.0);
                    assertThat(inboxEvents(registry, "duplicate")).isEqualTo(1.0);
                    assertThat(registry.get("relaybox.outbox.events").tag("type", "StockReserved").counter().count())
                            .as("the rejected event's StockReserved rolled back, so only one counts").isEqualTo(1.0);
                });
    }

    @Test
    void writesTheRecordsTraceIdIntoTheEventsTheHandlerPublishesUnderItsOwnSpan() {
        try (OtelTracing tracing = new OtelTracing()) {
            runner.withBean(io.micrometer.tracing.Tracer.class, () -> tracing.tracer)
                    .withBean(io.micrometer.observation.ObservationRegistry.class, () -> tracing.registry).run(context -> {
                        JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));
                        String producerSpan = "00f067aa0ba902b7";
                        InboxEvent event = new InboxEvent(UUID.randomUUID(), "OrderPlaced", 1, "o-traced", null,
                                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + producerSpan + "-01", Map.of(), "{}");

                        context.getBean(Inbox.class).receive(event);

                        String traceparent = jdbc.queryForObject("SELECT traceparent FROM outbox_event", String.class);
                        assertThat(traceparent).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                                .doesNotContain(producerSpan);
                    });
        }
    }

    private static double inboxEvents(SimpleMeterRegistry registry, String outcome) {
        return registry.get("relaybox.inbox.events").tag("consumer", "inventory-service").tag("outcome", outcome)
                .functionCounter().count();
    }

    @Test
    void rollsBackTheEffectAndTheOutboxEventWhenTheHandlerRejectsTheEvent() {
        runner.run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));
            InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "reject", "{}");

            assertThatThrownBy(() -> context.getBean(Inbox.class).receive(event))
                    .isInstanceOfSatisfying(EventHandlingException.class,
                            e -> assertThat(e.type()).isEqualTo(FailureType.PERMANENT));

            assertThat(count(jdbc, "business_row")).isZero();
            assertThat(count(jdbc, "outbox_event")).isZero();
            assertThat(count(jdbc, "processed_event")).isZero();
        });
    }

    @Test
    void deadLettersAReceivedPayloadThatBreaksItsContractUnlessValidationIsOff() {
        PayloadValidator quantityRequired = (type, version, payload) -> "OrderPlaced".equals(type) && !payload.contains("quantity")
                ? List.of("/quantity: required property 'quantity' not found") : List.of();
        InboxEvent event = InboxEvent.of(UUID.randomUUID(), "OrderPlaced", "o-invalid", "{\"orderId\":\"o-invalid\"}");
        runner.withBean(PayloadValidator.class, () -> quantityRequired).run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));

            assertThatThrownBy(() -> context.getBean(Inbox.class).receive(event)).isInstanceOfSatisfying(EventHandlingException.class, e -> {
                assertThat(e.type()).isEqualTo(FailureType.PERMANENT);
                assertThat(e.getCause()).isInstanceOf(EventContractViolationException.class)
                        .hasMessageContaining("/quantity: required property 'quantity' not found");
            });
            assertThat(count(jdbc, "business_row")).isZero();
            assertThat(count(jdbc, "processed_event")).isZero();
        });
        runner.withBean(PayloadValidator.class, () -> quantityRequired).withPropertyValues("outbox.inbox.validation=off").run(context -> {
            emptied(context.getBean(JdbcTemplate.class));

            assertThat(context.getBean(Inbox.class).receive(event)).isEqualTo(InboxResult.APPLIED);
        });
    }

    private static JdbcTemplate emptied(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE business_row, outbox_event, processed_event, parked_event");
        return jdbc;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
