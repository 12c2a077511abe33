package io.relaybox.outbox.inbox;

import java.sql.Connection;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the payload into the handler's type, then calls it; an unreadable payload is a permanent failure. */
final class PayloadReadingHandler<T> implements EventHandler {

    private final Class<T> payloadType;
    private final PayloadHandler<T> handler;
    private final JsonMapper mapper;

    PayloadReadingHandler(Class<T> payloadType, PayloadHandler<T> handler, JsonMapper mapper) {
        this.payloadType = payloadType;
        this.handler = handler;
        this.mapper = mapper;
    }

    @Override
    public void handle(InboxEvent event, Connection connection) throws Exception {
        handler.handle(event, read(event), connection);
    }

    private T read(InboxEvent event) {
        T payload;
        try {
            payload = mapper.readValue(event.payload(), payloadType);
        } catch (JacksonException e) {
            throw new UnparseablePayloadException("cannot read the payload of " + event.describe() + " as "
                    + payloadType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (payload == null) {
            throw new UnparseablePayloadException("the payload of " + event.describe() + " is JSON null", null);
        }
        return payload;
    }
}
