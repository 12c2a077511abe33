package io.relaybox.connectctl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.testkit.SharedInfrastructure;
import io.relaybox.testkit.TestStack;

/** connectctl status, restart, wait, pause, resume, stop and delete against the real worker. */
@ExtendWith(SharedInfrastructure.class)
class ConnectCtlOperateIT {

    static TestStack stack;
    static ConnectCtlRunner connectctl;

    ConnectorCleanup cleanup;
    Path folder;

    @BeforeAll
    static void useSharedStack(TestStack shared) {
        stack = shared;
        connectctl = ConnectCtlRunner.against(shared);
    }

    @BeforeEach
    void prepare(TestInfo test) {
        cleanup = new ConnectorCleanup(stack);
        folder = stack.folder("operate-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void removeConnectors() {
        try {
            cleanup.run();
        } finally {
            stack.postgres().ensureRole(TestStack.CDC_ROLE, stack.cdcPassword(), true);
        }
    }

    @Test
    void showsATaskThatFailedOnAChangedDatabasePasswordWithItsCauseAndRestartsOnlyTheFailedOnesOnceFixed() throws Exception {
        String source = cleanup.connector("failing-source");
        String slot = cleanup.slot("failing_source");
        Map<String, String> config = new LinkedHashMap<>(TestConnectors.outboxSource(slot));
        // by default Debezium retries a lost connection without end (its task RUNNING all along); here it gives up at once
        config.put("errors.max.retries", "0");
        config.put("snapshot.mode", "initial");
        Path file = TestConnectors.write(folder, source, config);
        // with its slot in place the connector creates none (creating one would wait for the lock's transaction)
        stack.postgres().execute(TestStack.ORDERS_DATABASE, "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");

        try (Connection lock = stack.postgres().connectAsSuperuser(TestStack.ORDERS_DATABASE)) {
            // the snapshot waits for this lock; meanwhile the CDC password is rotated in the database only, so the
            // connector's replication connection, opened after the snapshot, is refused
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE outbox_event IN ACCESS EXCLUSIVE MODE");
            }
            assertThat(connectctl.run("apply", "-f", file.toString()).status()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> cdcSessionsWhere("wait_event = 'relation'") == 1);
            stack.postgres().ensureRole(TestStack.CDC_ROLE, "rotated-elsewhere", true);
            lock.commit();
        }
        ConnectCtlRunner.Result failed = connectctl.run("wait", source, "--until", "FAILED", "--timeout", "90s");
        ConnectCtlRunner.Result status = connectctl.run("status", source);

        assertThat(failed.status()).as(failed.toString()).isZero();
        assertThat(status.status()).isZero();
        assertThat(status.out().lines()).anySatisfy(row -> assertThat(row).startsWith(source).contains(" 0 ", "FAILED",
                "ConnectException: An exception occurred in the change event producer",
                "caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"relaybox_cdc\""));

        stack.postgres().ensureRole(TestStack.CDC_ROLE, stack.cdcPassword(), true);
        ConnectCtlRunner.Result failedOnly = connectctl.run("restart", source, "--failed-only");
        ConnectCtlRunner.Result running = connectctl.run("wait", source, "--until", "RUNNING", "--timeout", "90s");

        assertThat(failedOnly.out()).isEqualTo("restarted " + source + " (failed connector and tasks only)\n");
        assertThat(running.status()).as(running.toString()).isZero();
        assertThat(connectctl.run("status", source).out()).doesNotContain("FAILED");
    }

    @Test
    void reportsADebeziumTaskThatRetriesAWrongPasswordAtStartAsRunning() {
        String source = cleanup.connector("retrying-source");
        Path file = TestConnectors.write(folder, source, TestConnectors.outboxSource(cleanup.slot("retrying_source")));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait", "90s").status()).isZero();

        // a wrong password (rotated in the database only) does not fail the task: Debezium retries its start every 10 s
        stack.postgres().ensureRole(TestStack.CDC_ROLE, "rotated-elsewhere", true);
        assertThat(connectctl.run("restart", source).status()).isZero();
        ConnectCtlRunner.Result failed = connectctl.run("wait", source, "--until", "FAILED", "--timeout", "15s");

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.err()).contains("was not FAILED within 15 s; last status: RUNNING, task 0 RUNNING");
    }

    @Test
    void pausesResumesStopsAndDeletesAConnector() {
        String sink = cleanup.connector("lifecycle-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("lifecycle.topic", folder.resolve("sink.txt")));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait").status()).isZero();

        assertThat(connectctl.run("pause", sink).out()).isEqualTo("paused " + sink + "\n");
        assertThat(connectctl.run("wait", sink, "--until", "PAUSED").status()).isZero();
        assertThat(connectctl.run("resume", sink).out()).isEqualTo("resumed " + sink + "\n");
        assertThat(connectctl.run("wait", sink, "--until", "RUNNING").status()).isZero();
        assertThat(connectctl.run("stop", sink).out()).isEqualTo("stopped " + sink + "\n");
        assertThat(connectctl.run("wait", sink, "--until", "STOPPED").status()).isZero();
        assertThat(connectctl.run("delete", sink).out()).isEqualTo("deleted " + sink + "\n");
        assertThat(connectctl.run("wait", sink, "--until", "ABSENT").status()).isZero();
        assertThat(stack.client().config(sink)).isEmpty();
    }

    @Test
    void saysWhichSlotADeletedDebeziumConnectorLeavesBehind() {
        String source = cleanup.connector("deleted-source");
        String slot = cleanup.slot("deleted_source");
        Path file = TestConnectors.write(folder, source, TestConnectors.outboxSource(slot));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait", "90s").status()).isZero();

        ConnectCtlRunner.Result delete = connectctl.run("delete", source);

        assertThat(delete.out()).startsWith("deleted " + source + "\n")
                .contains("its replication slot " + slot + " stays and pins WAL", "pg_drop_replication_slot('" + slot + "')");
    }

    @Test
    void listsEveryConnectorWithItsTasks() {
        String sink = cleanup.connector("listed-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("listed.topic", folder.resolve("sink.txt")));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait").status()).isZero();

        ConnectCtlRunner.Result status = connectctl.run("status");

        assertThat(status.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("CONNECTOR").contains("TASK",
                "STATE", "WORKER", "FAILURE"));
        assertThat(status.out().lines()).anySatisfy(row -> assertThat(row).startsWith(sink).contains(" - ", "RUNNING", "127.0.0.1:"))
                .anySatisfy(row -> assertThat(row).startsWith(sink).contains(" 0 ", "RUNNING"));
    }

    @Test
    void failsAWaitThatTimesOut() {
        String sink = cleanup.connector("waited-sink");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink("waited.topic", folder.resolve("sink.txt")));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait").status()).isZero();

        ConnectCtlRunner.Result wait = connectctl.run("wait", sink, "--until", "PAUSED", "--timeout", "1s");

        assertThat(wait.status()).isEqualTo(1);
        assertThat(wait.err()).isEqualTo("connectctl: connector " + sink + " was not PAUSED within 1 s; last status: RUNNING, task 0 RUNNING\n");
    }

    @Test
    void reportsAnUnknownConnectorOnOneLine() {
        for (String[] command : new String[][] {{"status", "nowhere"}, {"restart", "nowhere"}, {"pause", "nowhere"}, {"delete", "nowhere"},
                {"offsets", "get", "nowhere"}}) {
            ConnectCtlRunner.Result result = connectctl.run(command);

            assertThat(result.status()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.err()).isEqualTo("connectctl: no connector named nowhere on the worker (connectctl status lists them)\n");
        }
    }

    /** How many sessions of the CDC role match the condition on {@code pg_stat_activity}. */
    private static int cdcSessionsWhere(String condition) throws SQLException {
        try (Connection connection = stack.postgres().connectAsSuperuser("postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + TestStack.CDC_ROLE + "' AND "
                        + condition)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
