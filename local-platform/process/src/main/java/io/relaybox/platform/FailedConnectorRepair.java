package io.relaybox.platform;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorStatus;

/**
 * Restarts connectors that failed, or whose tasks failed, through Connect's REST API
 * ({@code POST /connectors/{name}/restart?includeTasks=true&onlyFailed=true}), with the backoff of
 * {@link FailedConnectorRestarts}. A restarted source resumes from its committed offsets (with exactly-once source, what
 * it had not committed was aborted), a restarted sink from its group's; each restart is logged with the failure's first
 * line. It asks the first worker that answers, so that it works with one of a cluster's workers down. Call
 * {@link #check()} periodically, from one thread.
 */
public final class FailedConnectorRepair {

    private final List<ConnectClient> workers;
    private final FailedConnectorRestarts restarts = new FailedConnectorRestarts();
    private final Consumer<String> progress;

    /** @param workers the clients of the Connect workers of one group; progress gets one line per restart */
    public FailedConnectorRepair(List<ConnectClient> workers, Consumer<String> progress) {
        this.workers = List.copyOf(workers);
        this.progress = progress;
    }

    /** Looks once, and restarts what failed and is due. */
    public void check() {
        RuntimeException last = null;
        for (ConnectClient worker : workers) {
            try {
                check(worker, worker.statuses());
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
    }

    private void check(ConnectClient worker, List<ConnectorStatus> statuses) {
        Instant now = Instant.now();
        for (ConnectorStatus status : statuses) {
            if (status.failure().isEmpty()) {
                if (status.isRunning()) {
                    restarts.running(status.name(), now);
                }
                continue;
            }
            if (restarts.dueNow(status.name(), now)) {
                worker.restart(status.name(), true, true);
                progress.accept(String.format("restarted %s (restart %d in a row): %s", status.name(), restarts.restarts(status.name()),
                        status.failure().get()));
            }
        }
    }
}
