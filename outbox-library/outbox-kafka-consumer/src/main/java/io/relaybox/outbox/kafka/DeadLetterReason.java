package io.relaybox.outbox.kafka;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.relaybox.outbox.OutboxPayloadTooLargeException;
import io.relaybox.outbox.inbox.EventContractViolationException;
import io.relaybox.outbox.inbox.EventParkedException;
import io.relaybox.outbox.inbox.PermanentEventFailure;
import tools.jackson.core.JacksonException;

/**
 * The one word a dead letter's {@link DeadLetterHeaders#REASON} header carries, found in the failure and its causes:
 * {@code schema} (the payload breaks its contract), {@code unparseable} (not the JSON or headers its type promises),
 * {@code unknown-type}, {@code parked} (waits behind an earlier dead letter of its aggregate), {@code too-large},
 * {@code data} (the database refused the handler's data: SQLState class 22 or 23), else {@code handler} (the handler
 * refused it).
 */
final class DeadLetterReason {

    private DeadLetterReason() {
    }

    static String of(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof EventParkedException) {
                return "parked";
            }
            if (cause instanceof PermanentEventFailure permanent) {
                return permanent.reason();
            }
            if (cause instanceof JacksonException) {
                return "unparseable";
            }
            if (cause instanceof OutboxPayloadTooLargeException) {
                return "too-large";
            }
            if (cause instanceof SQLException) {
                return "data";
            }
        }
        return "handler";
    }

    /** The contract violations, when the failure is (or was caused by) a payload breaking its contract. */
    static Optional<List<String>> violations(Throwable failure) {
        return causes(failure).stream().filter(EventContractViolationException.class::isInstance)
                .map(cause -> ((EventContractViolationException) cause).violations()).findFirst();
    }

    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> causes = new ArrayList<>();
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            causes.add(current);
        }
        return causes;
    }
}
