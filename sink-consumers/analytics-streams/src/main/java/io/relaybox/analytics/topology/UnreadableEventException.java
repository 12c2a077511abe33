package io.relaybox.analytics.topology;

import java.util.List;

import io.relaybox.outbox.ContractViolations;

/**
 * A record of a type analytics counts that it cannot read: it goes to the dead-letter topic, the rest flows on. Its
 * {@link #reason()} is {@code schema} when the payload breaks the contract of its type and version (the violations
 * listed), else {@code unparseable}.
 */
public final class UnreadableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final List<String> violations;

    public UnreadableEventException(String message) {
        this(message, (Throwable) null);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
        this.reason = "unparseable";
        this.violations = List.of();
    }

    private UnreadableEventException(String message, List<String> violations) {
        super(message);
        this.reason = "schema";
        this.violations = List.copyOf(violations);
    }

    /** The payload breaks the JSON Schema of its type and version. */
    static UnreadableEventException breaksContract(String type, int version, List<String> violations) {
        return new UnreadableEventException(ContractViolations.summary(type + " v" + version, violations), violations);
    }

    /** The dead letter's reason header: {@code schema} or {@code unparseable}. */
    public String reason() {
        return reason;
    }

    /** The contract violations, when the reason is {@code schema}; else none. */
    public List<String> violations() {
        return violations;
    }
}
