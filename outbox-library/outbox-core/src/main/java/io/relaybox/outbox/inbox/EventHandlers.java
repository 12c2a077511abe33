package io.relaybox.outbox.inbox;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.relaybox.outbox.OutboxConfigurationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link EventHandler} that dispatches by event type and schema version, reading each payload into the Java type
 * its handler declares:
 *
 * <pre>{@code
 * EventHandler handler = EventHandlers.builder()
 *         .on("OrderPlaced", 1, OrderPlaced.class, (event, order, connection) -> reserveStock(order, connection))
 *         .on("OrderCancelled", 1, OrderCancelled.class, (event, cancel, connection) -> release(cancel, connection))
 *         .ignore("OrderConfirmed")
 *         .build();
 * }</pre>
 *
 * <p>An event whose type and version have no handler and whose type is not {@linkplain Builder#ignore ignored} fails
 * with {@link UnknownEventTypeException}; a payload that cannot be read into the declared type fails with
 * {@link UnparseablePayloadException}. Both are permanent failures: the event is dead-lettered and can be re-driven
 * once a consumer that understands it runs.
 */
public final class EventHandlers {

    private EventHandlers() {
    }

    /**
     * Starts a dispatcher.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures the dispatcher; validated once, by {@link #build()}. Not thread-safe; the built handler is. */
    public static final class Builder {

        private final Map<HandlerKey, Function<JsonMapper, EventHandler>> handlers = new LinkedHashMap<>();
        private final Set<String> ignored = new LinkedHashSet<>();
        private JsonMapper mapper = JsonMapper.shared();
        private Upcaster upcaster = Upcaster.none();
        private BatchLocks batchLocks = (events, connection) -> {
        };
        private String problem;

        private Builder() {
        }

        /**
         * Handles one type and schema version with its payload read into a Java type.
         *
         * @param type the event type, e.g. {@code OrderPlaced}; not blank
         * @param schemaVersion the schema version, positive; register each version a consumer must understand
         * @param payloadType the payload's Java type (a record, say, or {@code JsonNode}); unknown JSON properties are
         *        ignored (Jackson 3's default), so producers may add fields without a new version
         * @param handler the handler
         * @param <T> the payload type
         * @return this builder
         */
        public <T> Builder on(String type, int schemaVersion, Class<T> payloadType, PayloadHandler<T> handler) {
            if (payloadType == null || handler == null) {
                return problem("the payload type and handler of " + type + " v" + schemaVersion + " must be set");
            }
            return register(type, schemaVersion, mapper -> new PayloadReadingHandler<>(payloadType, handler, mapper));
        }

        /**
         * Handles one type and schema version with the raw event (the payload as JSON text).
         *
         * @param type the event type; not blank
         * @param schemaVersion the schema version, positive
         * @param handler the handler
         * @return this builder
         */
        public Builder on(String type, int schemaVersion, EventHandler handler) {
            if (handler == null) {
                return problem("the handler of " + type + " v" + schemaVersion + " must be set");
            }
            return register(type, schemaVersion, mapper -> handler);
        }

        /**
         * Accepts events of these types, in any version, without doing anything: types this consumer does not care
         * about. They are still recorded as processed.
         *
         * @param types event types
         * @return this builder
         */
        public Builder ignore(String... types) {
            for (String type : types) {
                if (type == null || type.isBlank()) {
                    return problem("an ignored type must not be blank");
                }
                ignored.add(type);
            }
            return this;
        }

        /**
         * Locks a batch's rows in one order before its events are handled, so that the batches of several instances
         * do not deadlock on rows their events share (see {@link BatchLocks}); by default nothing is locked up front.
         *
         * @param batchLocks the locks, not null
         * @return this builder
         */
        public Builder beforeBatch(BatchLocks batchLocks) {
            if (batchLocks == null) {
                return problem("the batch locks must not be null");
            }
            this.batchLocks = batchLocks;
            return this;
        }

        /**
         * Rewrites events of older schema versions into the versions the handlers are registered for (e.g.
         * event-contracts' upcasters); by default none.
         *
         * @param upcaster the upcaster, not null
         * @return this builder
         */
        public Builder upcaster(Upcaster upcaster) {
            if (upcaster == null) {
                return problem("the upcaster must not be null");
            }
            this.upcaster = upcaster;
            return this;
        }

        /**
         * The mapper that reads payloads; default {@link JsonMapper#shared()}.
         *
         * @param mapper the mapper, e.g. the application's own
         * @return this builder
         */
        public Builder jsonMapper(JsonMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /**
         * Validates the registrations and builds the dispatcher.
         *
         * @return a thread-safe handler
         * @throws OutboxConfigurationException naming the first invalid registration
         */
        public EventHandler build() {
            if (problem != null) {
                throw new OutboxConfigurationException("outbox.inbox.handlers: " + problem);
            }
            if (mapper == null) {
                throw new OutboxConfigurationException("outbox.inbox.handlers: the JSON mapper must be set");
            }
            for (HandlerKey key : handlers.keySet()) {
                if (ignored.contains(key.type())) {
                    throw new OutboxConfigurationException("outbox.inbox.handlers: " + key.type()
                            + " is both handled and ignored");
                }
            }
            Map<HandlerKey, EventHandler> built = new LinkedHashMap<>();
            handlers.forEach((key, handler) -> built.put(key, handler.apply(mapper)));
            return new TypeDispatcher(Map.copyOf(built), Set.copyOf(ignored), batchLocks, upcaster);
        }

        private Builder register(String type, int schemaVersion, Function<JsonMapper, EventHandler> handler) {
            if (type == null || type.isBlank() || schemaVersion < 1) {
                return problem("a handler needs a type and a positive schema version, was: " + type + " v"
                        + schemaVersion);
            }
            if (handlers.putIfAbsent(new HandlerKey(type, schemaVersion), handler) != null) {
                return problem("two handlers for " + type + " v" + schemaVersion);
            }
            return this;
        }

        private Builder problem(String message) {
            if (problem == null) {
                problem = message;
            }
            return this;
        }
    }

    /** A handler's registration. */
    record HandlerKey(String type, int schemaVersion) {

        HandlerKey {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String toString() {
            return type + " v" + schemaVersion;
        }
    }
}
