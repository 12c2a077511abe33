package io.relaybox.outbox.inbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;

import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.kafka.InboxConsumer;
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
                .withPropertyValues("outbox.inbox.consumer-enabled=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Inbox.class)
                        .doesNotHaveBean(InboxConsumerLifecycle.class));
    }

    @Test
    void refusesToStartWithoutBootstrapServers() {
        runner.withUserConfiguration(Handler.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(OutboxConfigurationException.class)
                        .hasMessage("spring.kafka.bootstrap-servers must be set"));
    }

    @Test
    void refusesToStartWithBlankBootstrapServers() {
        runner.withUserConfiguration(Handler.class)
                .withPropertyValues("spring.kafka.bootstrap-servers= ")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(OutboxConfigurationException.class)
                        .hasMessage("spring.kafka.bootstrap-servers must be set"));
    }

    @Test
    void joinsTheGroupNamedAfterTheInboxConsumer() {
        runner.withUserConfiguration(Handler.class, NothingStarts.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
                .run(context -> assertThat(context.getBean(InboxConsumerLifecycle.class).groupId())
                        .isEqualTo("inventory-service"));
    }

    @Test
    void prefersSpringKafkasConsumerGroupId() {
        runner.withUserConfiguration(Handler.class, NothingStarts.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1",
                        "spring.kafka.consumer.group-id=inventory-replay")
                .run(context -> assertThat(context.getBean(InboxConsumerLifecycle.class).groupId())
                        .isEqualTo("inventory-replay"));
    }

    @Test
    void bindsTheKafkaConsumersClientMetricsToTheMeterRegistry() {
        runner.withUserConfiguration(Handler.class, NothingStarts.class)
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1",
                        "outbox.inbox.instance-id=inventory-service-2")
                .run(context -> assertThat(context.getBean(SimpleMeterRegistry.class).find("kafka.consumer.connection.count")
                        .tag("client.id", "inventory-service-2").gauge()).isNotNull());
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnConsumer() {
        runner.withUserConfiguration(Handler.class, NothingStarts.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
                .withBean("myConsumer", InboxConsumerLifecycle.class,
                        () -> new InboxConsumerLifecycle(InboxConsumer.builder().inbox(Inbox.builder()
                                .consumer("mine").transactions(JdbcTransactions.of(new SimpleDriverDataSource()))
                                .handler((event, connection) -> { }).build())
                                .bootstrapServers("127.0.0.1:1").topics("orders.events").build(), null))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(InboxConsumerLifecycle.class).hasBean("myConsumer"));
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

    /** Starts no lifecycle bean: the consumers are built and closed, never started. */
    @Configuration(proxyBeanMethods = false)
    static class NothingStarts {

        @Bean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME)
        LifecycleProcessor lifecycleProcessor() {
            return new LifecycleProcessor() {

                @Override
                public void start() {
                }

                @Override
                public void stop() {
                }

                @Override
                public boolean isRunning() {
                    return false;
                }

                @Override
                public void onRefresh() {
                }

                @Override
                public void onClose() {
                }
            };
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
