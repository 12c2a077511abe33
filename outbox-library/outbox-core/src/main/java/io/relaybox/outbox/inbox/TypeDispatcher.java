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

    TypeDispatcher(Map<HandlerKey, EventHandler> handlers, Set<String> ignored, BatchLocks batchLocks) {
        this.handlers = handlers;
        this.ignored = ignored;
        this.batchLocks = batchLocks;
    }

    @Override
    public void beforeBatch(List<InboxEvent> events, Connection connection) throws Exception {
        batchLocks.lock(events, connection);
    }

    @Override
    public void handle(InboxEvent event, Connection connection) throws Exception {
        EventHandler handler = handlers.get(new HandlerKey(event.type(), event.schemaVersion()));
        if (handler != null) {
            handler.handle(event, connection);
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
