package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.connectctl.ConnectorStatus.TaskStatus;

class ConnectorStatusRepairTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private List<ConnectorStatus> statuses = List.of();
    private final List<String> restarts = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private final ConnectorStatusRepair repair = new ConnectorStatusRepair(() -> statuses,
            (connector, includeTasks) -> restarts.add(connector + (includeTasks ? "+tasks" : "")), PATIENCE, () -> now, said::add);

    @Test
    void restartsAConnectorWhoseStatusSaidUnassignedForThePatienceWhileItsTaskRuns() {
        statuses = List.of(status("orders-outbox-source", "UNASSIGNED", "RUNNING"), status("elasticsearch-sink", "RUNNING", "RUNNING"));
        repair.check();
        after(PATIENCE.minusSeconds(1));
        assertThat(restarts).isEmpty();

        after(Duration.ofSeconds(1));

        assertThat(restarts).containsExactly("orders-outbox-source");
        assertThat(repair.repairs()).isEqualTo(1);
        assertThat(said).singleElement().asString().contains("orders-outbox-source").contains("UNASSIGNED, task 0 RUNNING");
    }

    @Test
    void restartsTheTasksTooWhenATaskIsUnassigned() {
        statuses = List.of(status("s3-archive-sink", "RUNNING", "UNASSIGNED"));
        repair.check();

        after(PATIENCE);

        assertThat(restarts).containsExactly("s3-archive-sink+tasks");
    }

    @Test
    void leavesAConnectorAloneThatRanAgainWithinThePatience() {
        statuses = List.of(status("payment-outbox-source", "UNASSIGNED", "UNASSIGNED"));
        repair.check();
        after(Duration.ofSeconds(20));
        statuses = List.of(status("payment-outbox-source", "RUNNING", "RUNNING"));
        repair.check();
        statuses = List.of(status("payment-outbox-source", "UNASSIGNED", "RUNNING"));
        repair.check();

        after(Duration.ofSeconds(20));

        assertThat(restarts).as("UNASSIGNED for 20 s, RUNNING, then UNASSIGNED for 20 s: each spell shorter than the patience").isEmpty();
    }

    @Test
    void forgetsWhatTheStatusesSaidWhileTheWorkerWasDown() {
        statuses = List.of(status("inventory-outbox-source", "UNASSIGNED", "RUNNING"));
        repair.check();
        now = now.plus(Duration.ofSeconds(25));
        repair.workerDown();

        after(Duration.ofSeconds(25));

        assertThat(restarts).isEmpty();
    }

    @Test
    void waitsThePatienceAgainBeforeRestartingTheSameConnectorOnceMore() {
        statuses = List.of(status("orders-outbox-source", "UNASSIGNED", "RUNNING"));
        repair.check();
        after(PATIENCE);
        after(Duration.ofSeconds(5));
        assertThat(restarts).hasSize(1);

        after(PATIENCE);

        assertThat(restarts).hasSize(2);
    }

    @Test
    void leavesPausedStoppedAndFailedConnectorsToTheirOperators() {
        statuses = List.of(status("a", "PAUSED", "PAUSED"), status("b", "STOPPED"), status("c", "FAILED", "FAILED"), status("d", "RUNNING", "FAILED"));
        repair.check();

        after(PATIENCE.multipliedBy(3));

        assertThat(restarts).isEmpty();
    }

    private void after(Duration elapsed) {
        now = now.plus(elapsed);
        repair.check();
    }

    private static ConnectorStatus status(String name, String state, String... tasks) {
        List<TaskStatus> taskStatuses = new ArrayList<>();
        for (int i = 0; i < tasks.length; i++) {
            taskStatuses.add(new TaskStatus(i, tasks[i], "127.0.0.1:8083", null));
        }
        return new ConnectorStatus(name, state, "127.0.0.1:8083", null, taskStatuses);
    }
}
