package io.relaybox.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.relaybox.connectctl.ConnectorStatus;

/**
 * Restarts a connector whose status has said UNASSIGNED (the connector's or a task's) for longer than a rebalance can
 * explain, while its worker runs. Verify runs met it after a Kafka broker restart: a source connector UNASSIGNED for
 * minutes while its task ran and its events flowed. Kafka Connect writes statuses to its status topic without producer
 * retries, retrying in its own callback only while the worker's group generation stays the one of the status; so a
 * RUNNING write that fails on the returning broker while the next rebalance (the scheduled one, for the assignments
 * lost meanwhile) moves the generation on is dropped, and the UNASSIGNED written when the worker revoked everything
 * stays the last word for as long as the worker runs (KAFKA-12525 is a sibling race; this path is read from
 * {@code KafkaStatusBackingStore}, not caught in the act). A restart through the REST API writes the status anew.
 * Call {@link #check()} periodically, and {@link #workerDown()} while the worker does not run. One caller at a time.
 */
public final class ConnectorStatusRepair {

    /** One repair: restart the connector; with its tasks when a task is UNASSIGNED. */
    @FunctionalInterface
    public interface Restart {
        void restart(String connector, boolean includeTasks);
    }

    private final Supplier<List<ConnectorStatus>> statuses;
    private final Restart restart;
    private final Duration patience;
    private final Supplier<Instant> clock;
    private final Consumer<String> progress;
    private final Map<String, Instant> unassignedSince = new HashMap<>();
    private int repairs;

    /**
     * @param statuses every connector's status, as the worker's REST API answers it
     * @param patience how long a status may say UNASSIGNED before the connector is restarted
     * @param clock the time now
     * @param progress one line per repair, for humans
     */
    public ConnectorStatusRepair(Supplier<List<ConnectorStatus>> statuses, Restart restart, Duration patience, Supplier<Instant> clock,
            Consumer<String> progress) {
        this.statuses = statuses;
        this.restart = restart;
        this.patience = patience;
        this.clock = clock;
        this.progress = progress;
    }

    /** Looks at every connector's status once and restarts those UNASSIGNED for longer than the patience. */
    public void check() {
        Instant now = clock.get();
        Set<String> unassigned = new HashSet<>();
        for (ConnectorStatus status : statuses.get()) {
            boolean connector = "UNASSIGNED".equals(status.state());
            boolean task = status.tasks().stream().anyMatch(t -> "UNASSIGNED".equals(t.state()));
            if (!connector && !task) {
                continue;
            }
            unassigned.add(status.name());
            Instant since = unassignedSince.computeIfAbsent(status.name(), name -> now);
            Duration waited = Duration.between(since, now);
            if (waited.compareTo(patience) >= 0) {
                repairs++;
                progress.accept(String.format("connector %s has said %s for %d s while the worker runs (a status write Connect lost);"
                        + " restarting it%s", status.name(), status.summary(), waited.toSeconds(), task ? " with its tasks" : ""));
                restart.restart(status.name(), task);
                unassignedSince.put(status.name(), now);
            }
        }
        unassignedSince.keySet().retainAll(unassigned);
    }

    /** The worker does not run: what its statuses said so far counts for nothing. */
    public void workerDown() {
        unassignedSince.clear();
    }

    /** How many times a connector was restarted. */
    public int repairs() {
        return repairs;
    }
}
