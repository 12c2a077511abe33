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
}
