package io.relaybox.outbox.spring;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relaybox.outbox.OutboxEvent;
import io.relaybox.outbox.OutboxListener;

/**
 * Counts the outbox events whose transaction committed, by aggregate type and event type: the meter
 * {@value #METER} (Prometheus: {@code relaybox_outbox_events_total}). An event written in a transaction that rolls
 * back is not counted; one written without Spring's transaction synchronization (a plain JDBC transaction) is counted
 * when written.
 */
final class CommittedOutboxEventsCounter implements OutboxListener {

    static final String METER = "relaybox.outbox.events";

    private final Supplier<MeterRegistry> registry;

    /** @param registry the application's registry, looked up when the first event is counted; null for none */
    CommittedOutboxEventsCounter(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void written(OutboxEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(event);
                }
            });
        } else {
            count(event);
        }
    }

    private void count(OutboxEvent event) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Counter.builder(METER).description("Outbox events committed, by aggregate type and event type")
                    .tag("aggregate_type", event.aggregateType()).tag("type", event.type())
                    .register(meters).increment();
        }
    }
}
