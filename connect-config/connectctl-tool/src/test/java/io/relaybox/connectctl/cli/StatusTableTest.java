package io.relaybox.connectctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorStatus;

class StatusTableTest {

    @Test
    void showsEachTaskWithTheFirstLineAndTheCauseOfItsFailure() {
        String trace = "org.apache.kafka.connect.errors.ConnectException: Unable to start\n\tat x\n"
                + "Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed\n\tat y";
        ConnectorStatus status = new ConnectorStatus("orders", "RUNNING", "127.0.0.1:8083", null,
                List.of(new ConnectorStatus.TaskStatus(0, "FAILED", "127.0.0.1:8083", trace)));
        StringWriter text = new StringWriter();

        new StatusTable().add(status).print(new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "CONNECTOR  TASK  STATE    WORKER          FAILURE",
                "orders     -     RUNNING  127.0.0.1:8083",
                "orders     0     FAILED   127.0.0.1:8083  org.apache.kafka.connect.errors.ConnectException: Unable to start"
                        + " | caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed");
    }
}
