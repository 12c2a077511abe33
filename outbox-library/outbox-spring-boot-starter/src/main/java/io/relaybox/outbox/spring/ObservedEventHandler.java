package io.relaybox.outbox.spring;

import java.sql.Connection;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.relaybox.outbox.inbox.EventHandler;
import io.relaybox.outbox.inbox.InboxEvent;

/**
 * Handles each event inside a Micrometer {@link Observation} that continues the event's trace: its parent is the
 * record's W3C {@code traceparent}, so with a tracing bridge the handler runs in a child span of the producer's, and
 * the events it publishes with the {@code Outbox} carry the same trace id. Without a tracer the observation is a timer
 * ({@code relaybox.inbox.handle}, by consumer and event type), or nothing with a no-op registry.
 */
final class ObservedEventHandler implements EventHandler {

    /** The observation's name: a timer {@code relaybox_inbox_handle_seconds} in Prometheus. */
    static final String OBSERVATION_NAME = "relaybox.inbox.handle";

    private final EventHandler delegate;
    private final String consumer;
    private final ObservationRegistry registry;

    ObservedEventHandler(EventHandler delegate, String consumer, ObservationRegistry registry) {
        this.delegate = delegate;
        this.consumer = consumer;
        this.registry = registry;
    }

    @Override
    public void handle(InboxEvent event, Connection connection) throws Exception {
        Observation observation = Observation
                .createNotStarted(OBSERVATION_NAME, () -> receiverContext(event), registry)
                .contextualName(consumer + " process " + event.type())
                .lowCardinalityKeyValue("consumer", consumer)
                .lowCardinalityKeyValue("type", event.type())
                .highCardinalityKeyValue("event.id", event.id().toString())
                .highCardinalityKeyValue("aggregate.id", event.aggregateId())
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            delegate.handle(event, connection);
        } catch (Exception | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    @Override
    public boolean handles(InboxEvent event) {
        return delegate.handles(event);
    }

    @Override
    public void beforeBatch(List<InboxEvent> events, Connection connection) throws Exception {
        delegate.beforeBatch(events, connection);
    }

    /** The event as a received message: the tracing handler reads its parent from {@code traceparent}. */
    private static ReceiverContext<InboxEvent> receiverContext(InboxEvent event) {
        ReceiverContext<InboxEvent> context = new ReceiverContext<>(ObservedEventHandler::header);
        context.setCarrier(event);
        context.setRemoteServiceName("kafka");
        return context;
    }

    private static String header(InboxEvent event, String name) {
        return "traceparent".equals(name) ? event.traceparent() : event.headers().get(name);
    }
}
