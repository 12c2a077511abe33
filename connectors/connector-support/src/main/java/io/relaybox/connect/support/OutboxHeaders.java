package io.relaybox.connect.support;

import java.util.List;

/** The header names the Debezium Outbox Event Router gives every outbox record. */
public final class OutboxHeaders {

    /** The event id (the outbox row's id). */
    public static final String ID = "id";
    /** The event type, e.g. {@code OrderPlaced}. */
    public static final String TYPE = "type";
    /** The version of the payload's schema. */
    public static final String SCHEMA_VERSION = "schemaversion";
    /** Business time, ISO-8601. */
    public static final String OCCURRED_AT = "occurredat";
    /** The W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
    /** The extra headers, as JSON text. */
    public static final String HEADERS = "headers";

    /** The envelope proper, in this order: what identifies, types, versions, times and traces an event. */
    public static final List<String> ENVELOPE = List.of(ID, TYPE, SCHEMA_VERSION, OCCURRED_AT, TRACEPARENT);

    private OutboxHeaders() {
    }
}
