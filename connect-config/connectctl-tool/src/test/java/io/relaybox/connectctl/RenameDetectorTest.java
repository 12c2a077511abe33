package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RenameDetectorTest {

    private static final Map<String, String> SINK = Map.of("connector.class", "FileStreamSink", "topics", "orders.events", "file", "/x");

    private final RenameDetector detector = new RenameDetector();

    @Test
    void flagsANewConnectorWithTheConfigOfADeployedOne() {
        List<ConnectorProblem> problems = detector.detect(List.of(new ConnectorDefinition("archive-v2", SINK)),
                Map.of("archive", with(SINK, "name", "archive")));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.connector()).isEqualTo("archive-v2");
            assertThat(p.message()).contains("rename of the deployed connector archive (identical configuration)", "new consumer group",
                    "--allow-rename");
        });
    }

    @Test
    void flagsANewDebeziumConnectorOnADeployedOnesSlot() {
        Map<String, String> source = Map.of("connector.class", "PostgresConnector", "slot.name", "orders_slot", "poll.interval.ms", "10");

        assertThat(detector.detect(List.of(new ConnectorDefinition("orders-v2", with(source, "poll.interval.ms", "20"))),
                Map.of("orders", source))).singleElement().extracting(ConnectorProblem::message).asString()
                .contains("the same replication slot orders_slot");
    }

    @Test
    void acceptsUpdatesAndUnrelatedConnectors() {
        assertThat(detector.detect(List.of(new ConnectorDefinition("archive", with(SINK, "file", "/y"))), Map.of("archive", SINK))).isEmpty();
        assertThat(detector.detect(List.of(new ConnectorDefinition("other", with(SINK, "topics", "payments.events"))),
                Map.of("archive", SINK))).isEmpty();
    }

    @Test
    void acceptsACopyWhenTheOriginalIsAppliedToo() {
        assertThat(detector.detect(List.of(new ConnectorDefinition("archive", SINK), new ConnectorDefinition("archive-copy", SINK)),
                Map.of("archive", SINK))).isEmpty();
    }

    private static Map<String, String> with(Map<String, String> config, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(config);
        copy.put(key, value);
        return copy;
    }
}
