package io.relaybox.outbox;

import java.util.List;

/**
 * An event's payload broke its contract ({@link PayloadValidation#STRICT}): nothing was written, and the caller's
 * transaction should be rolled back.
 */
public class InvalidEventPayloadException extends OutboxException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    public InvalidEventPayloadException(String eventType, int schemaVersion, List<String> violations) {
        super(ContractViolations.summary(eventType + " v" + schemaVersion, violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, one line each. */
    public List<String> violations() {
        return violations;
    }
}
