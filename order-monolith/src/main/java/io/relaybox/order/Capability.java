package io.relaybox.order;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.relaybox.contracts.MigrationHeader;

/** What the monolith hands over to an extracted service, one at a time: checking stock, and charging customers. */
public enum Capability {

    INVENTORY,
    PAYMENT;

    /** The name in the API, the database and the event headers: {@code inventory}, {@code payment}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order events' header that tells this capability's service who decides the order. */
    public String headerName() {
        return (this == INVENTORY ? MigrationHeader.INVENTORY : MigrationHeader.PAYMENT).headerName();
    }

    /** The capability of a wire name, or {@link IllegalArgumentException} listing the known ones. */
    public static Capability of(String wireName) {
        for (Capability capability : values()) {
            if (capability.wireName().equals(wireName)) {
                return capability;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + wireName + "' (known: inventory, payment)");
    }
}
