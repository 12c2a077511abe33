package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopOrderTest {

    @TempDir
    Path runFolder;

    private final List<ManagedProcess> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ManagedProcess::kill);
    }

    @Test
    void stopsTheDependentsTogetherBeforeAnyServerAndTheKafkaNodesInReverseStartOrder() throws IOException {
        List<ManagedProcess> startOrder = List.of(process("postgres"), process("kafka-1"), process("kafka-2"), process("connect"),
                process("order-monolith"), process("prometheus"));
        StopOrder order = new StopOrder(Set.of("postgres", "kafka-1", "kafka-2"), Set.of("kafka-1", "kafka-2"));

        order.stop(startOrder, (name, e) -> {
            throw new AssertionError(name + " did not stop", e);
        });

        assertThat(startOrder).noneMatch(ManagedProcess::isAlive);
        List<String> lines = Files.readAllLines(runFolder.resolve("stops"));
        List<String> dependents = List.of("connect", "order-monolith", "prometheus");
        for (String dependent : dependents) {
            // asked at once: every dependent was asked to stop before any of them had stopped
            dependents.forEach(other -> assertThat(lines.indexOf("asked " + dependent)).as("%s asked before %s stopped", dependent, other)
                    .isLessThan(lines.indexOf("stopped " + other)));
            for (String server : List.of("postgres", "kafka-1", "kafka-2")) {
                assertThat(lines.indexOf("stopped " + dependent)).as("%s stopped before %s was asked", dependent, server)
                        .isLessThan(lines.indexOf("asked " + server));
            }
        }
        assertThat(lines.indexOf("stopped kafka-2")).as("the last Kafka node started stops first").isLessThan(lines.indexOf("asked kafka-1"));
    }

    @Test
    void stopsEveryProcessOneAfterTheOtherInReverseStartOrderWhenTheServersAreNotKnown() throws IOException {
        List<ManagedProcess> startOrder = List.of(process("first"), process("second"), process("third"));

        StopOrder.REVERSE.stop(startOrder, (name, e) -> {
            throw new AssertionError(name + " did not stop", e);
        });

        assertThat(Files.readAllLines(runFolder.resolve("stops"))).containsExactly("asked third", "stopped third", "asked second",
                "stopped second", "asked first", "stopped first");
    }

    /** A running process that writes when it is asked to stop and when it stopped, half a second later. */
    private ManagedProcess process(String name) {
        String script = "trap 'echo \"asked " + name + "\" >> stops; sleep 0.5; echo \"stopped " + name + "\" >> stops; exit 0' TERM;"
                + " touch " + name + ".trapped; while true; do sleep 0.1; done";
        ManagedProcess process = new ManagedProcess(new ProcessSpec(name, List.of("sh", "-c", script), Map.of(), runFolder,
                runFolder.resolve(name + ".log"), StopSignal.TERM, Duration.ofSeconds(10), "-"), ReadinessCheck.none());
        started.add(process);
        process.start();
        // a TERM before the trap is set would end it without a word
        Awaitility.await(name + " set its trap").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(runFolder.resolve(name + ".trapped")));
        return process;
    }
}
