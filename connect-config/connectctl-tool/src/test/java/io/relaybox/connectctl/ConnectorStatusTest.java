package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectorStatusTest {

    @Test
    void isNotRunningWhileATaskFailed() {
        ConnectorStatus status = new ConnectorStatus("c", "RUNNING", "w", null,
                List.of(new ConnectorStatus.TaskStatus(0, "FAILED", "w", "java.lang.NoClassDefFoundError: Sanitizer\n\tat x")));

        assertThat(status.isRunning()).isFalse();
        assertThat(status.failure()).contains("connector c task 0 FAILED: java.lang.NoClassDefFoundError: Sanitizer");
    }

    @Test
    void isNotRunningWithoutTasks() {
        assertThat(new ConnectorStatus("c", "RUNNING", "w", null, List.of()).isRunning()).isFalse();
    }

    @Test
    void isRunningWhenConnectorAndAllTasksRun() {
        ConnectorStatus status = new ConnectorStatus("c", "RUNNING", "w", null,
                List.of(new ConnectorStatus.TaskStatus(0, "RUNNING", "w", null)));

        assertThat(status.isRunning()).isTrue();
        assertThat(status.failure()).isEmpty();
    }

    @Test
    void findsTheInnermostCauseOfATrace() {
        String trace = "org.apache.kafka.connect.errors.ConnectException: Unable to start\n\tat x\n"
                + "Caused by: io.debezium.DebeziumException: Couldn't obtain\n\tat y\n"
                + "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"relaybox_cdc\"\n\tat z";

        assertThat(ConnectorStatus.rootCause(trace))
                .contains("org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"relaybox_cdc\"");
        assertThat(ConnectorStatus.rootCause("java.lang.IllegalStateException: x\n\tat y")).isEmpty();
    }

    @Test
    void summarisesConnectorAndTaskStatesOnOneLine() {
        ConnectorStatus status = new ConnectorStatus("c", "RUNNING", "w", null,
                List.of(new ConnectorStatus.TaskStatus(0, "FAILED", "w", "boom")));

        assertThat(status.summary()).isEqualTo("RUNNING, task 0 FAILED");
        assertThat(new ConnectorStatus("c", "STOPPED", "w", null, List.of()).summary()).isEqualTo("STOPPED, no tasks");
    }
}
