package io.relaybox.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which outbox source connectors have stalled: Connect says the connector's task runs, yet its replication slot has had
 * no reader for longer than the patience, while PostgreSQL and the Connect worker both ran all that time. Debezium
 * reconnects within seconds after a lost replication connection (it restarts itself after ten), so a slot idle that long
 * under a RUNNING task means the task thread is stuck: a verify run saw the inventory source's task stop streaming after
 * a PostgreSQL restart and never log its own restart. {@link StalledSourceRepair} feeds it and restarts what it names.
 * One caller at a time.
 */
public final class StalledSources {

    /**
     * One source connector, as seen in one look.
     *
     * @param connector the connector's name
     * @param taskRunning Connect reports the connector and its task RUNNING
     * @param slotActive its replication slot has a reader ({@code pg_replication_slots.active})
     */
    public record Source(String connector, boolean taskRunning, boolean slotActive) {
    }

    private final Duration patience;
    private final Map<String, Instant> idleSince = new HashMap<>();

    /** @param patience far longer than Debezium takes to reconnect to a PostgreSQL that is back */
    public StalledSources(Duration patience) {
        this.patience = patience;
    }

    /**
     * One look.
     *
     * @param running PostgreSQL and the Connect worker are both RUNNING
     * @param runningSince since when both have been running (the later of their last changes of state)
     * @return the connectors whose task has been RUNNING with an idle slot for longer than the patience, both servers
     *         running all that time, by name
     */
    public List<String> look(boolean running, Instant runningSince, Collection<Source> sources, Instant now) {
        if (!running) {
            idleSince.clear();
            return List.of();
        }
        Set<String> idle = sources.stream().filter(source -> source.taskRunning() && !source.slotActive()).map(Source::connector)
                .collect(Collectors.toSet());
        idleSince.keySet().retainAll(idle);
        idle.forEach(connector -> idleSince.putIfAbsent(connector, now));
        return idle.stream().filter(connector -> stalled(latest(idleSince.get(connector), runningSince), now)).sorted().toList();
    }

    /** How long a slot may stay idle under a running task. */
    public Duration patience() {
        return patience;
    }

    /** The connector was restarted: its idle time counts afresh. */
    public void forget(String connector) {
        idleSince.remove(connector);
    }

    private boolean stalled(Instant since, Instant now) {
        return Duration.between(since, now).compareTo(patience) > 0;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
