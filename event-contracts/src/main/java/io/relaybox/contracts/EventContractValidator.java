package io.relaybox.contracts;

import java.util.List;

import io.relaybox.outbox.PayloadValidator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's contract check: a payload must be valid against the schema of its event type and version, and an event
 * type or version without a schema is itself a violation. Registered for {@link java.util.ServiceLoader} (the Spring
 * Boot starter finds it on the class path when the application defines no {@link PayloadValidator} bean).
 */
public final class EventContractValidator implements PayloadValidator {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public List<String> violations(String eventType, int schemaVersion, String payloadJson) {
        if (!EventSchemas.exists(eventType, schemaVersion)) {
            return List.of(eventType + " v" + schemaVersion + " has no schema (" + EventSchemas.resource(eventType, schemaVersion) + ")");
        }
        try {
            return EventSchemas.violations(eventType, schemaVersion, JSON.readTree(payloadJson));
        } catch (JacksonException e) {
            return List.of("the payload is not JSON: " + e.getOriginalMessage());
        }
    }
}
