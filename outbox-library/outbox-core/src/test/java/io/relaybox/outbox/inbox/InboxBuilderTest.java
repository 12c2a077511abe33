package io.relaybox.outbox.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.outbox.OutboxConfigurationException;

class InboxBuilderTest {

    private final JdbcTransactions transactions = JdbcTransactions.of(new PGSimpleDataSource());

    @Test
    void buildsAnInboxNamedAfterItsConsumer() {
        Inbox inbox = Inbox.builder().consumer("inventory-service").transactions(transactions)
                .handler((event, connection) -> { }).build();

        assertThat(inbox.consumer()).isEqualTo("inventory-service");
        assertThat(inbox.metrics()).isEqualTo(new InboxMetrics(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void requiresAConsumerName() {
        assertThatThrownBy(() -> Inbox.builder().transactions(transactions).handler((event, connection) -> { }).build())
                .isInstanceOf(OutboxConfigurationException.class)
                .hasMessageStartingWith("outbox.inbox.consumer must be set");
    }

    @Test
    void refusesAnOverlongConsumerName() {
        assertThatThrownBy(() -> Inbox.builder().consumer("c".repeat(201)).transactions(transactions)
                .handler((event, connection) -> { }).build())
                .hasMessage("outbox.inbox.consumer must have at most 200 characters, was: 201");
    }

    @Test
    void requiresTransactionsAndAHandler() {
        assertThatThrownBy(() -> Inbox.builder().consumer("c").handler((event, connection) -> { }).build())
                .hasMessage("outbox.inbox.transaction-runner must be set");
        assertThatThrownBy(() -> Inbox.builder().consumer("c").transactionRunner(transactions)
                .handler((event, connection) -> { }).build())
                .hasMessage("outbox.inbox.connection-source must be set");
        assertThatThrownBy(() -> Inbox.builder().consumer("c").transactions(transactions).build())
                .hasMessage("outbox.inbox.handler must be set");
        assertThatThrownBy(() -> Inbox.builder().consumer("c").transactions(transactions)
                .handler((event, connection) -> { }).failureClassifier(null).build())
                .hasMessage("outbox.inbox.failure-classifier must be set");
    }
}
