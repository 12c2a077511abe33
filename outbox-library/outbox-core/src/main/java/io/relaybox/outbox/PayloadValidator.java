package io.relaybox.outbox;

import java.util.List;

/**
 * Checks an event's payload against its contract (e.g. a JSON Schema per event type and version) before the outbox
 * writes it. What the outbox does with the answer is its {@link PayloadValidation} mode.
 */
@FunctionalInterface
public interface PayloadValidator {

    /**
     * @param eventType the event's type, e.g. {@code OrderPlaced}
     * @param schemaVersion its schema version
     * @param payloadJson the serialized payload
     * @return what is wrong, one line per violation naming its place; empty when the payload is valid
     */
    List<String> violations(String eventType, int schemaVersion, String payloadJson);

    /** No contract: every payload is valid. */
    static PayloadValidator none() {
        return (eventType, schemaVersion, payloadJson) -> List.of();
    }
}
