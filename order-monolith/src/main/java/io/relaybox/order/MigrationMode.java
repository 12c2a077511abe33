package io.relaybox.order;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who decides a capability of an order, along the migration from the monolith to events:
 * {@link #MONOLITH} → {@link #SYNC} or {@link #SHADOW} → {@link #EVENTS}, and back.
 */
public enum MigrationMode {

    /** The legacy module decides inside {@code POST /orders}; the service does nothing. The starting point. */
    MONOLITH,

    /** The monolith calls the service's HTTP API inside the request (the REST-coupled stage). */
    SYNC,

    /** The legacy module decides; the service decides too, on its own state, and the monolith compares (parallel run). */
    SHADOW,

    /** The service decides from the order's events through the saga; the legacy module no longer decides. */
    EVENTS;

    /** The name in the API, the database and the event headers: {@code monolith}, {@code sync}, {@code shadow}, {@code events}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the legacy module's decision is the one that counts. */
    public boolean legacyAuthoritative() {
        return this == MONOLITH || this == SHADOW;
    }

    /** The mode of a wire name, or {@link IllegalArgumentException} listing the known ones. */
    public static MigrationMode of(String wireName) {
        for (MigrationMode mode : values()) {
            if (mode.wireName().equals(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + wireName + "' (known: monolith, sync, shadow, events)");
    }
}
