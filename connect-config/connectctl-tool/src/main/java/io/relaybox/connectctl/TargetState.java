package io.relaybox.connectctl;

import java.util.Optional;

/** A state to wait for: what {@code connectctl wait --until} accepts. */
public enum TargetState {

    /** The connector and each of its (at least one) tasks run. */
    RUNNING,
    /** The connector and its tasks are paused. */
    PAUSED,
    /** The connector is stopped: no tasks. */
    STOPPED,
    /** The connector or one of its tasks failed. */
    FAILED,
    /** There is no such connector (deleted). */
    ABSENT;

    /** True when the status (empty: no such connector) is this state. */
    public boolean isReachedBy(Optional<ConnectorStatus> status) {
        if (this == ABSENT) {
            return status.isEmpty();
        }
        if (status.isEmpty()) {
            return false;
        }
        ConnectorStatus s = status.get();
        return switch (this) {
            case RUNNING -> s.isRunning();
            case PAUSED -> "PAUSED".equals(s.state()) && s.tasks().stream().allMatch(t -> "PAUSED".equals(t.state()));
            case STOPPED -> "STOPPED".equals(s.state());
            case FAILED -> s.failure().isPresent();
            case ABSENT -> false;
        };
    }

    /** True when waiting for this state is hopeless without someone acting: a failure while waiting to run. */
    public boolean isDefeatedBy(Optional<ConnectorStatus> status) {
        return this == RUNNING && status.flatMap(ConnectorStatus::failure).isPresent();
    }
}
