package io.relaybox.outbox.inbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.relaybox.outbox.OutboxException;
import io.relaybox.outbox.TransactionRunner;
import io.relaybox.outbox.TransactionalConnectionSource;

/**
 * The {@link Inbox}: the parked check, the processed record and the handler in one transaction per event, or per batch
 * ({@link #receiveAll}).
 */
final class JdbcInbox implements Inbox {

    private static final System.Logger LOG = System.getLogger(JdbcInbox.class.getName());

    /** What one transaction did; counted only after it committed. */
    private enum Outcome {
        APPLIED(InboxResult.APPLIED), RELEASED(InboxResult.APPLIED), DUPLICATE(InboxResult.SKIPPED_DUPLICATE),
        PARKED(InboxResult.PARKED);

        final InboxResult result;

        Outcome(InboxResult result) {
            this.result = result;
        }
    }

    private final String consumer;
    private final TransactionRunner transactions;
    private final TransactionalConnectionSource connections;
    private final EventHandler handler;
    private final FailureClassifier classifier;
    private final InboxCounters counters = new InboxCounters();

    JdbcInbox(String consumer, TransactionRunner transactions, TransactionalConnectionSource connections,
            EventHandler handler, FailureClassifier classifier) {
        this.consumer = consumer;
        this.transactions = transactions;
        this.connections = connections;
        this.handler = handler;
        this.classifier = classifier;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public InboxResult receive(InboxEvent event) {
        Objects.requireNonNull(event, "event");
        Outcome outcome;
        try {
            outcome = transactions.inTransaction(() -> unchecked(() -> apply(event)));
        } catch (RuntimeException e) {
            Throwable failure = e instanceof CheckedFailure ? e.getCause() : e;
            FailureType type = classify(failure);
            if (type == FailureType.TRANSIENT) {
                counters.retried.increment();
            }
            throw new EventHandlingException(event.describe() + " failed in consumer " + consumer + " ("
                    + type.name().toLowerCase(Locale.ROOT) + "): " + failure, failure, type, event.id());
        }
        count(outcome);
        return outcome.result;
    }

    private void count(Outcome outcome) {
        switch (outcome) {
            case APPLIED -> counters.applied.increment();
            case RELEASED -> {
                counters.applied.increment();
                counters.released.increment();
            }
            case DUPLICATE -> counters.duplicatesSkipped.increment();
            case PARKED -> counters.parked.increment();
        }
    }

    @Override
    public Optional<List<InboxResult>> receiveAll(List<InboxEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return Optional.of(List.of());
        }
        List<Outcome> outcomes;
        try {
            outcomes = transactions.inTransaction(() -> unchecked(() -> {
                handler.beforeBatch(events, connections.currentTransactionConnection());
                List<Outcome> applied = new ArrayList<>(events.size());
                for (InboxEvent event : events) {
                    Outcome outcome = apply(event);
                    if (outcome == Outcome.PARKED) {
                        throw new NotBatchable();
                    }
                    applied.add(outcome);
                }
                return applied;
            }));
        } catch (RuntimeException e) {
            // rolled back: each event is received alone, which parks, fails and classifies it
            counters.batchesRolledBack.increment();
            LOG.log(System.Logger.Level.DEBUG, () -> "a batch of " + events.size() + " events of consumer " + consumer
                    + " was rolled back and goes one by one: " + (e instanceof CheckedFailure ? e.getCause() : e));
            return Optional.empty();
        }
        outcomes.forEach(this::count);
        return Optional.of(outcomes.stream().map(outcome -> outcome.result).toList());
    }

    private Outcome apply(InboxEvent event) throws Exception {
        Connection connection = connections.currentTransactionConnection();
        UUID head = InboxTables.parkedHead(connection, consumer, event.aggregateId());
        if (head != null && !head.equals(event.id())) {
            if (InboxTables.isProcessed(connection, consumer, event.id())) {
                return Outcome.DUPLICATE;
            }
            InboxTables.park(connection, consumer, event.id(), event.aggregateId(), event.type(),
                    "parked behind " + head);
            return Outcome.PARKED;
        }
        if (!InboxTables.markProcessed(connection, consumer, event.id())) {
            if (head != null) {
                // processed already (or marked so by an operator to discard it): the aggregate moves on
                InboxTables.unpark(connection, consumer, event.id());
            }
            return Outcome.DUPLICATE;
        }
        handler.handle(event, connection);
        if (head != null) {
            InboxTables.unpark(connection, consumer, event.id());
            return Outcome.RELEASED;
        }
        return Outcome.APPLIED;
    }

    @Override
    public void deadLetter(UUID eventId, String aggregateId, String eventType, Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (eventId != null && aggregateId != null) {
            try {
                transactions.inTransaction(() -> unchecked(() -> {
                    InboxTables.deadLetter(connections.currentTransactionConnection(), consumer, eventId, aggregateId,
                            eventType, reason(failure));
                    return null;
                }));
            } catch (RuntimeException e) {
                counters.retried.increment();
                throw new OutboxException("cannot record the dead letter " + eventId + " of aggregate " + aggregateId
                        + " in consumer " + consumer + ": " + cause(e), cause(e));
            }
        }
        counters.deadLettered.increment();
    }

    @Override
    public Optional<UUID> parkedBehind(String aggregateId) {
        Objects.requireNonNull(aggregateId, "aggregateId");
        try {
            return Optional.ofNullable(transactions.inTransaction(() -> unchecked(
                    () -> InboxTables.parkedHead(connections.currentTransactionConnection(), consumer, aggregateId))));
        } catch (RuntimeException e) {
            throw new OutboxException("cannot read the parked events of aggregate " + aggregateId + " in consumer "
                    + consumer + ": " + cause(e), cause(e));
        }
    }

    @Override
    public InboxMetrics metrics() {
        return counters.snapshot();
    }

    private FailureType classify(Throwable failure) {
        try {
            FailureType type = classifier.classify(failure);
            return type != null ? type : FailureType.TRANSIENT;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the FailureClassifier failed; treating the failure as transient", e);
            return FailureType.TRANSIENT;
        }
    }

    static String reason(Throwable failure) {
        return failure.getClass().getName() + ": " + failure.getMessage();
    }

    private static Throwable cause(RuntimeException e) {
        return e instanceof CheckedFailure ? e.getCause() : e;
    }

    /** Work that may throw checked exceptions, which {@link #unchecked} carries through the transaction runner. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs the work and carries a checked exception out unchanged: the runner rethrows unchecked exceptions as they
     * are, so the handler's own exception (not a wrapper) is what gets classified and reported.
     */
    private static <T> T unchecked(Work<T> work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** An event of a batch would be parked: the batch is rolled back and its events received alone. */
    private static final class NotBatchable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotBatchable() {
            super("an event of the batch would be parked", null, false, false);
        }
    }

    /** Carries a checked exception through {@link TransactionRunner#inTransaction}. */
    private static final class CheckedFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }
}
