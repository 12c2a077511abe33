package io.relaybox.service.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.spring.InboxAutoConfiguration;
import io.relaybox.outbox.spring.OutboxAutoConfiguration;

/** The auto-configuration's conditions and validation; no consumer is started (none of these contexts is valid). */
class InboxConsumerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class, InboxAutoConfiguration.class,
                    InboxConsumerAutoConfiguration.class))
            .withPropertyValues("outbox.inbox.consumer=inventory-service")
            .withUserConfiguration(Database.class);

    @Test
    void configuresNothingWithoutAnEventHandler() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Inbox.class)
                .doesNotHaveBean(InboxConsumerLifecycle.class));
    }

    @Test
    void startsNoConsumerWhenDisabled() {
        runner.withUserConfiguration(Handler.class)
                .withPropertyValues("relaybox.inbox.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Inbox.class)
                        .doesNotHaveBean(InboxConsumerLifecycle.class));
    }

    @Test
    void refusesToStartWithoutBootstrapServers() {
        runner.withUserConfiguration(Handler.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(OutboxConfigurationException.class)
                        .hasMessage("relaybox.kafka.bootstrap-servers must be set"));
    }

    @Test
    void namesTheKafkaClientsAfterTheInstance() {
        assertThat(InboxConsumerAutoConfiguration.clientId("inventory-service", "inventory-service-2"))
                .isEqualTo("inventory-service-2");
        assertThat(InboxConsumerAutoConfiguration.clientId("inventory-service", "b"))
                .isEqualTo("inventory-service-b");
        assertThat(InboxConsumerAutoConfiguration.clientId("inventory-service", " "))
                .isEqualTo("inventory-service-" + ProcessHandle.current().pid());
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource();
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Handler {

        @Bean
        EventHandler handler() {
            return (event, connection) -> {
            };
        }
    }
}
