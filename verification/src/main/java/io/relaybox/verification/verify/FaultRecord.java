package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One fault as it happened.
 *
 * @param kind what was done
 * @param target what it was done to ({@code connect}, {@code payment-service-2}, {@code elasticsearch}, ...)
 * @param at when it was injected
 * @param sinceStart when it was injected, counted from the start of the load
 * @param recovery from the injection until the platform served again (see {@link FaultInjector}); empty when it did not
 *        within the recovery timeout
 * @param note why it did not recover, or empty
 * @param failover for the faults of a cluster, from the injection until the others took over what the lost node did
 *        (partition leadership, the controller's role, Connect tasks); empty for the others
 */
public record FaultRecord(FaultKind kind, String target, Instant at, Duration sinceStart, Optional<Duration> recovery, String note,
        Optional<Duration> failover) {

    /** A fault without a failover of its own. */
    public FaultRecord(FaultKind kind, String target, Instant at, Duration sinceStart, Optional<Duration> recovery, String note) {
        this(kind, target, at, sinceStart, recovery, note, Optional.empty());
    }

    public boolean recovered() {
        return recovery.isPresent();
    }
}
