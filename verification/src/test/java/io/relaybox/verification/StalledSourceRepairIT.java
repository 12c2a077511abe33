package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.ProcessState;
import io.relaybox.platform.ProcessStatus;
import io.relaybox.platform.StalledSourceRepair;

/**
 * The supervisor's repair of a stalled outbox source, against the real worker and database: a source whose task Connect
 * calls RUNNING while its replication slot has no reader is restarted, a thread dump of the worker is saved first, and
 * the source streams again. The slot is emptied here by ending its walsender (Debezium would restart itself after 10 s;
 * the repair, given 5 s of patience, comes first); a task thread that is really stuck could not be produced on purpose.
 * ExactlyOnceAuditIT runs after this on the same platform: the forced restart must not lose or duplicate an event.
 */
@Order(11)
@ExtendWith(SharedPlatform.class)
class StalledSourceRepairIT {

    private static final String SOURCE = "inventory-outbox-source";
    private static final String SLOT = "relaybox_inventory_outbox";

    @Test
    void restartsASourceWhoseSlotHasNoReaderUnderARunningTaskAndItStreamsAgain(LocalPlatform platform) throws Exception {
        PostgresServer postgres = platform.postgres();
        Path logs = platform.settings().runFolder().resolve("logs");
        List<String> lines = new CopyOnWriteArrayList<>();
        Instant started = Instant.now().minusSeconds(3600);
        StalledSourceRepair repair = new StalledSourceRepair(postgres, platform.connect(), List.of(SOURCE),
                name -> new ProcessStatus(name, ProcessState.RUNNING, Optional.of(platform.processes().get(name).pid()), 0,
                        Optional.empty(), Optional.empty(), started),
                logs, Duration.ofSeconds(5), lines::add);
        await("slot " + SLOT + " read").atMost(Duration.ofMinutes(2)).until(() -> "true".equals(SuperuserQuery.text(postgres,
                "SELECT active::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")));

        SuperuserQuery.text(postgres, "SELECT pg_terminate_backend(active_pid)::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
        await("the repair restarting " + SOURCE).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            repair.check();
            return repair.restarted() > 0;
        });

        assertThat(repair.restarted()).isEqualTo(1);
        assertThat(lines).singleElement().asString().contains("restarted " + SOURCE).contains("connect-threads-");
        Path dump = Path.of(lines.get(0).substring(lines.get(0).indexOf(logs.toString())));
        assertThat(Files.readString(dump)).as("the worker's threads, the source task's among them")
                .contains("task-thread-" + SOURCE + "-0");
        String walNow = SuperuserQuery.text(postgres, "SELECT pg_current_wal_lsn()::text");
        await("slot " + SLOT + " read again and confirming past " + walNow).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "true".equals(SuperuserQuery.text(postgres, "SELECT (active AND confirmed_flush_lsn >= '" + walNow
                        + "'::pg_lsn)::text FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'")));
        assertThat(platform.connectClient().status(SOURCE).orElseThrow().isRunning()).isTrue();
    }
}
