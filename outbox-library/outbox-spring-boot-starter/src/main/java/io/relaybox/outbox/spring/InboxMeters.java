package io.relaybox.outbox.spring;

import java.util.Map;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.relaybox.outbox.inbox.Inbox;
import io.relaybox.outbox.inbox.InboxMetrics;

/**
 * The inbox's counters as meters: {@value #EVENTS} by {@code outcome} (applied, duplicate, retried, dead_lettered,
 * parked, released) and {@value #BATCHES_ROLLED_BACK}, each tagged with the consumer name. In Prometheus:
 * {@code relaybox_inbox_events_total{consumer="inventory-service",outcome="duplicate"}}. They read the same counters as
 * {@code GET /inbox/stats}.
 */
final class InboxMeters implements MeterBinder {

    static final String EVENTS = "relaybox.inbox.events";
    static final String BATCHES_ROLLED_BACK = "relaybox.inbox.batches.rolled.back";

    private static final Map<String, ToLongFunction<InboxMetrics>> OUTCOMES = Map.of(
            "applied", InboxMetrics::applied,
            "duplicate", InboxMetrics::duplicatesSkipped,
            "retried", InboxMetrics::retried,
            "dead_lettered", InboxMetrics::deadLettered,
            "parked", InboxMetrics::parked,
            "released", InboxMetrics::released);

    private final Inbox inbox;

    InboxMeters(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        OUTCOMES.forEach((outcome, count) -> FunctionCounter
                .builder(EVENTS, inbox, box -> count.applyAsLong(box.metrics()))
                .description("Events the inbox received, by what became of them")
                .tag("consumer", inbox.consumer()).tag("outcome", outcome)
                .register(registry));
        FunctionCounter.builder(BATCHES_ROLLED_BACK, inbox, box -> box.metrics().batchesRolledBack())
                .description("Batches rolled back because one of their events failed; their events then went one by one")
                .tag("consumer", inbox.consumer())
                .register(registry);
    }
}
