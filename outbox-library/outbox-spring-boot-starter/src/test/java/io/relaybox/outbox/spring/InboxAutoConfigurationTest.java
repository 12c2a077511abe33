package io.relaybox.outbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.TransactionRunner;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.Inbox;

class InboxAutoConfigurationTest {

    private static final DataSource DATA_SOURCE = new PGSimpleDataSource();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class, InboxAutoConfiguration.class))
            .withBean(DataSource.class, () -> DATA_SOURCE)
            .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(DATA_SOURCE));

    private final EventHandler handler = (event, connection) -> { };

    @Test
    void runsTheInboxsTransactionsOnTheApplicationsTransactionManager() {
        runner.run(context -> assertThat(context.getBean(TransactionRunner.class))
                .isInstanceOf(SpringTransactionRunner.class));
    }

    @Test
    void createsNoInboxWithoutAnEventHandler() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Inbox.class));
    }

    @Test
    void namesTheInboxAfterTheApplication() {
        runner.withBean(EventHandler.class, () -> handler).withPropertyValues("spring.application.name=inventory-service")
                .run(context -> assertThat(context.getBean(Inbox.class).consumer()).isEqualTo("inventory-service"));
    }

    @Test
    void prefersTheConfiguredConsumerName() {
        runner.withBean(EventHandler.class, () -> handler)
                .withPropertyValues("spring.application.name=inventory-service", "outbox.inbox.consumer=inventory")
                .run(context -> assertThat(context.getBean(Inbox.class).consumer()).isEqualTo("inventory"));
    }

    @Test
    void failsStartupWithoutAConsumerNameNamingTheProperty() {
        runner.withBean(EventHandler.class, () -> handler).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(OutboxConfigurationException.class)
                    .hasMessageStartingWith("outbox.inbox.consumer must be set (or spring.application.name)");
        });
    }

    @Test
    void backsOffWhenDisabled() {
        runner.withBean(EventHandler.class, () -> handler).withPropertyValues("outbox.inbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Inbox.class)
                        .doesNotHaveBean(TransactionRunner.class));
        runner.withBean(EventHandler.class, () -> handler).withPropertyValues("outbox.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Inbox.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnInbox() {
        Inbox own = Inbox.builder().consumer("own").transactionRunner(new SpringTransactionRunner(
                new DataSourceTransactionManager(DATA_SOURCE))).connectionSource(() -> null).handler(handler).build();
        runner.withBean(EventHandler.class, () -> handler).withBean("ownInbox", Inbox.class, () -> own)
                .run(context -> assertThat(context.getBean(Inbox.class)).isSameAs(own));
    }

    @Test
    void hasNoTransactionRunnerWithoutATransactionManager() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OutboxAutoConfiguration.class, InboxAutoConfiguration.class))
                .withBean(DataSource.class, () -> DATA_SOURCE).withBean(EventHandler.class, () -> handler)
                .withPropertyValues("spring.application.name=inventory-service")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TransactionRunner.class)
                        .doesNotHaveBean(Inbox.class));
    }

    @Test
    void bindsTheInboxProperties() {
        runner.withPropertyValues("outbox.inbox.enabled=true", "outbox.inbox.consumer=payments")
                .run(context -> assertThat(context.getBean(OutboxProperties.class).getInbox())
                        .extracting("enabled", "consumer").containsExactly(true, "payments"));
    }
}
