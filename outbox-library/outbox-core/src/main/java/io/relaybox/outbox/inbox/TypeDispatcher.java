package io.relaybox.outbox.inbox;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.relaybox.outbox.inbox.EventHandlers.HandlerKey;

/** Routes an event to the handler of its type and schema version (built by {@link EventHandlers}). */
final class TypeDispatcher implements EventHandler {

    private final Map<HandlerKey, EventHandler> handlers;
    private final Set<String> ignored;
    private final BatchLocks batchLocks;
    private final Upcaster upcaster;

    TypeDispatcher(Map<HandlerKey, EventHandler> handlers, Set<String> ignored, BatchLocks batchLocks, Upcaster upcaster) {
        this.handlers = handlers;
        this.ignored = ignored;
        this.batchLocks = batchLocks;
        this.upcaster = upcaster;
    }

    @Override
    public void beforeBatch(List<InboxEvent> events, Connection connection) throws Exception {
        batchLocks.lock(events, connection);
    }

    /** Only the types and versions it has a handler for: not the ignored ones, nor unknown ones (refused as such). */
    @Override
    public boolean handles(InboxEvent event) {
        return handlers.containsKey(handledAs(event));
    }

    /** The handler an event goes to: its type in the version the upcaster rewrites it to (or its own). */
    private HandlerKey handledAs(InboxEvent event) {
        return new HandlerKey(event.type(), upcaster.handledVersion(event.type(), event.schemaVersion()));
    }

    @Override
    public void handle(InboxEvent event, Connection connection) throws Exception {
        HandlerKey key = handledAs(event);
        EventHandler handler = handlers.get(key);
        if (handler != null) {
            handler.handle(key.schemaVersion() == event.schemaVersion() ? event : upcaster.upcast(event), connection);
        } else if (!ignored.contains(event.type())) {
            throw new UnknownEventTypeException("no handler for " + event.type() + " v" + event.schemaVersion()
                    + " (event " + event.id() + "); this consumer handles " + known() + (ignored.isEmpty() ? ""
                            : " and ignores " + ignored.stream().sorted().collect(Collectors.joining(", "))));
        }
    }

    private String known() {
        return handlers.isEmpty() ? "nothing"
                : handlers.keySet().stream().map(HandlerKey::toString).sorted().collect(Collectors.joining(", "));
    }
}
