package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

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
import org.springframework.transaction.annotation.Transactional;

import io.relaybox.outbox.NoActiveTransactionException;
import io.relaybox.outbox.Outbox;
import io.relaybox.outbox.OutboxEvent;
import io.relaybox.outbox.OutboxException;
import io.relaybox.platform.PostgresEndpoint;
import io.relaybox.testkit.PostgresExtension;

/** The starter in a Spring Boot application on a real PostgreSQL: Flyway, {@code @Transactional} and the outbox. */
@ExtendWith(PostgresExtension.class)
class TransactionalOutboxIT {

    static ApplicationContextRunner runner;

    /** A service of the application: business row and event in one {@code @Transactional} method. */
    public static class Orders {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        public Orders(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public OutboxEvent place(String orderId, boolean failAfterPublishing) {
            jdbc.update("INSERT INTO business_row (id) VALUES (?)", orderId);
            OutboxEvent event = outbox.publish("orders", orderId, "OrderPlaced", Map.of("orderId", orderId));
            if (failAfterPublishing) {
                throw new IllegalStateException("rejected after publishing");
            }
            return event;
        }

        @Transactional(readOnly = true)
        public void publishReadOnly(String orderId) {
            outbox.publish("orders", orderId, "OrderViewed", Map.of());
        }

        public void publishWithoutTransaction(String orderId) {
            outbox.publish("orders", orderId, "OrderPlaced", Map.of());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        Orders orders(JdbcTemplate jdbc, Outbox outbox) {
            return new Orders(jdbc, outbox);
        }
    }

    @BeforeAll
    static void createDatabase(PostgresEndpoint server) {
        server.ensureRole("starter_app", "app-pw", false);
        server.ensureDatabase("starter_it", "starter_app");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
                        JacksonAutoConfiguration.class, OutboxAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("spring.datasource.url=" + server.jdbcUrl("starter_it"),
                        "spring.datasource.username=starter_app", "spring.datasource.password=app-pw",
                        "spring.datasource.hikari.maximum-pool-size=2");
    }

    @Test
    void migratesTheOutboxTableAndPublicationBeforeTheApplicationsSchema() {
        runner.run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
                    .containsExactly("0.1.0", "0.2.0", "0.2.1", "1");
            assertThat(jdbc.queryForMap("SELECT pubinsert, pubupdate, pubdelete FROM pg_publication"
                    + " WHERE pubname = 'relaybox_outbox'"))
                    .containsEntry("pubinsert", true).containsEntry("pubupdate", false).containsEntry("pubdelete", false);
            assertThat(jdbc.queryForList("SELECT tablename FROM pg_publication_tables WHERE pubname = 'relaybox_outbox'",
                    String.class)).containsExactly("outbox_event");
        });
    }

    @Test
    void commitsTheEventWithTheBusinessRow() {
        runner.withPropertyValues("outbox.cleanup=retain").run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));

            OutboxEvent event = context.getBean(Orders.class).place("o-1", false);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM business_row", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT aggregateid FROM outbox_event WHERE id = ?", String.class, event.id()))
                    .isEqualTo("o-1");
        });
    }

    @Test
    void transactionalRollbackRemovesBothRows() {
        runner.withPropertyValues("outbox.cleanup=retain").run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));

            assertThatThrownBy(() -> context.getBean(Orders.class).place("o-2", true))
                    .hasMessage("rejected after publishing");

            assertThat(jdbc.queryForObject("SELECT count(*) FROM business_row", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class)).isZero();
        });
    }

    @Test
    void countsCommittedEventsByTypeAndNotRolledBackOnes() {
        runner.withConfiguration(AutoConfigurations.of(OutboxMetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class).run(context -> {
                    emptied(context.getBean(JdbcTemplate.class));
                    Orders orders = context.getBean(Orders.class);

                    orders.place("o-counted-1", false);
                    orders.place("o-counted-2", false);
                    assertThatThrownBy(() -> orders.place("o-rolled-back", true)).hasMessage("rejected after publishing");

                    assertThat(context.getBean(SimpleMeterRegistry.class).get("relaybox.outbox.events")
                            .tag("aggregate_type", "orders").tag("type", "OrderPlaced").counter().count()).isEqualTo(2.0);
                });
    }

    @Test
    void deletesTheRowInTheSameTransactionByDefault() {
        runner.run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));

            context.getBean(Orders.class).place("o-3", false);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM business_row", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class)).isZero();
        });
    }

    @Test
    void refusesToPublishOutsideATransaction() {
        runner.withPropertyValues("outbox.cleanup=retain").run(context -> {
            JdbcTemplate jdbc = emptied(context.getBean(JdbcTemplate.class));

            assertThatThrownBy(() -> context.getBean(Orders.class).publishWithoutTransaction("o-4"))
                    .isInstanceOf(NoActiveTransactionException.class).hasMessageContaining("@Transactional");

            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class)).isZero();
        });
    }

    @Test
    void refusesToPublishInAReadOnlyTransaction() {
        runner.withPropertyValues("outbox.cleanup=retain").run(context -> {
            assertThatThrownBy(() -> context.getBean(Orders.class).publishReadOnly("o-5"))
                    .isInstanceOf(OutboxException.class).hasMessageContaining("read-only");
        });
    }

    private static JdbcTemplate emptied(JdbcTemplate jdbc) {
        jdbc.execute("TRUNCATE business_row, outbox_event");
        return jdbc;
    }
}
