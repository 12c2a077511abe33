package io.relaybox.outbox.inbox;

import java.util.List;

import io.relaybox.outbox.ContractViolations;

/**
 * Thrown when a received event's payload breaks the contract of its type and version (its JSON Schema): a permanent
 * failure, dead-lettered with reason {@code schema} and the first violations in the dead letter's headers.
 */
public class EventContractViolationException extends PermanentEventFailure {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    /**
     * @param event the event received
     * @param violations what is wrong, one line per violation naming its place; not empty
     */
    public EventContractViolationException(InboxEvent event, List<String> violations) {
        super(ContractViolations.summary(event.type() + " v" + event.schemaVersion() + " " + event.id(), violations));
        this.violations = List.copyOf(violations);
    }

    /** Every violation found, one line each. */
    public List<String> violations() {
        return violations;
    }

    @Override
    public String reason() {
        return "schema";
    }
}
