package io.relaybox.outbox.inbox;

import java.util.Objects;

import io.relaybox.outbox.JdbcTransactions;
import io.relaybox.outbox.OutboxConfigurationException;
import io.relaybox.outbox.PayloadValidation;
import io.relaybox.outbox.PayloadValidator;
import io.relaybox.outbox.TransactionRunner;
import io.relaybox.outbox.TransactionalConnectionSource;

/**
 * Configures an {@link Inbox}. Settings are checked once, by {@link #build()}, with messages that name the property
 * ({@code outbox.inbox.consumer must be set}). Not thread-safe; the built inbox is.
 */
public final class InboxBuilder {

    /** The longest consumer name accepted. */
    public static final int MAX_CONSUMER_LENGTH = 200;

    private String consumer;
    private TransactionRunner transactionRunner;
    private TransactionalConnectionSource connectionSource;
    private EventHandler handler;
    private PayloadValidator payloadValidator = PayloadValidator.none();
    private PayloadValidation validation = PayloadValidation.OFF;
    private FailureClassifier failureClassifier = FailureClassifier.defaults();

    InboxBuilder() {
    }

    /**
     * The consumer name events are recorded under ({@code outbox.inbox.consumer}), e.g. {@code inventory-service}.
     * Required; at most {@value #MAX_CONSUMER_LENGTH} characters. Keep it stable: a new name applies every event again.
     *
     * @param consumer the consumer name
     * @return this builder
     */
    public InboxBuilder consumer(String consumer) {
        this.consumer = consumer;
        return this;
    }

    /**
     * Plain JDBC transactions: sets both the {@link #transactionRunner(TransactionRunner) runner} and the
     * {@link #connectionSource(TransactionalConnectionSource) connection source}. Use the same instance for the
     * {@code Outbox}, so that a handler's events commit with its effect.
     *
     * @param transactions the transactions, not null
     * @return this builder
     */
    public InboxBuilder transactions(JdbcTransactions transactions) {
        this.transactionRunner = transactions;
        this.connectionSource = transactions;
        return this;
    }

    /**
     * Runs each event's transaction. Required (or {@link #transactions(JdbcTransactions)}).
     *
     * @param transactionRunner e.g. the Spring starter's runner on the application's transaction manager
     * @return this builder
     */
    public InboxBuilder transactionRunner(TransactionRunner transactionRunner) {
        this.transactionRunner = transactionRunner;
        return this;
    }

    /**
     * Hands the inbox the connection of the transaction the runner began, for the {@code processed_event} record.
     * Required (or {@link #transactions(JdbcTransactions)}); it must match the runner.
     *
     * @param connectionSource the connection source
     * @return this builder
     */
    public InboxBuilder connectionSource(TransactionalConnectionSource connectionSource) {
        this.connectionSource = connectionSource;
        return this;
    }

    /**
     * Applies the events. Required.
     *
     * @param handler e.g. {@code EventHandlers.builder()…build()}
     * @return this builder
     */
    public InboxBuilder handler(EventHandler handler) {
        this.handler = handler;
        return this;
    }

    /**
     * Checks each received payload against its contract before the handler sees it (e.g. event-contracts' JSON Schema
     * check); by default none. With {@link PayloadValidation#STRICT} an invalid event is dead-lettered with reason
     * {@code schema} ({@link EventContractViolationException}); with {@link PayloadValidation#WARN} it is logged and
     * handled.
     *
     * @param payloadValidator the contract check, not null
     * @param validation what to do with an invalid payload, not null
     * @return this builder
     */
    public InboxBuilder payloadValidator(PayloadValidator payloadValidator, PayloadValidation validation) {
        this.payloadValidator = Objects.requireNonNull(payloadValidator, "payloadValidator");
        this.validation = Objects.requireNonNull(validation, "validation");
        return this;
    }

    /**
     * Decides retry or dead letter; default {@link FailureClassifier#defaults()}.
     *
     * @param failureClassifier the classifier, not null
     * @return this builder
     */
    public InboxBuilder failureClassifier(FailureClassifier failureClassifier) {
        this.failureClassifier = failureClassifier;
        return this;
    }

    /**
     * Validates the settings and builds the inbox.
     *
     * @return a thread-safe inbox
     * @throws OutboxConfigurationException naming the first invalid setting
     */
    public Inbox build() {
        if (consumer == null || consumer.isBlank()) {
            throw new OutboxConfigurationException("outbox.inbox.consumer must be set (the name events are recorded"
                    + " under, e.g. inventory-service)");
        }
        if (consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new OutboxConfigurationException("outbox.inbox.consumer must have at most " + MAX_CONSUMER_LENGTH
                    + " characters, was: " + consumer.length());
        }
        require(transactionRunner, "outbox.inbox.transaction-runner");
        require(connectionSource, "outbox.inbox.connection-source");
        require(handler, "outbox.inbox.handler");
        require(failureClassifier, "outbox.inbox.failure-classifier");
        EventHandler checked = validation == PayloadValidation.OFF ? handler
                : new ValidatingEventHandler(handler, payloadValidator, validation);
        return new JdbcInbox(consumer, transactionRunner, connectionSource, checked, failureClassifier);
    }

    private static void require(Object value, String property) {
        if (value == null) {
            throw new OutboxConfigurationException(property + " must be set");
        }
    }
}
