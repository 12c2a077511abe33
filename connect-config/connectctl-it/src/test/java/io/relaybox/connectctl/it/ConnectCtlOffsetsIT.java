package io.relaybox.connectctl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.TargetState;
import io.relaybox.testkit.SharedInfrastructure;
import io.relaybox.testkit.TestStack;

/** connectctl offsets get, reset and set on Kafka's file sink: what the sink writes shows where it consumes from. */
@ExtendWith(SharedInfrastructure.class)
class ConnectCtlOffsetsIT {

    private static final Duration CONSUMED = Duration.ofSeconds(60);

    static TestStack stack;
    static ConnectCtlRunner connectctl;

    ConnectorCleanup cleanup;
    Path folder;
    String topic;
    String sink;
    Path output;

    @BeforeAll
    static void useSharedStack(TestStack shared) {
        stack = shared;
        connectctl = ConnectCtlRunner.against(shared);
    }

    @BeforeEach
    void deployASinkThatConsumedThreeRecords(TestInfo test) throws Exception {
        String name = test.getTestMethod().orElseThrow().getName();
        cleanup = new ConnectorCleanup(stack);
        folder = stack.folder("offsets-" + name);
        topic = "offsets." + name;
        sink = cleanup.connector("offsets-" + name);
        output = folder.resolve("sink.txt");
        createTopic(topic);
        produce(topic, "one", "two", "three");
        Path file = TestConnectors.write(folder, sink, TestConnectors.fileSink(topic, output));
        assertThat(connectctl.run("apply", "-f", file.toString(), "--wait").status()).isZero();
        await().atMost(CONSUMED).until(() -> lines(output), lines -> lines.equals(List.of("one", "two", "three")));
    }

    @AfterEach
    void removeConnectors() {
        cleanup.run();
    }

    @Test
    void showsTheCommittedOffsetOfTheSink() {
        await().atMost(CONSUMED).untilAsserted(() -> assertThat(connectctl.run("offsets", "get", sink).out())
                .contains("\"kafka_topic\" : \"" + topic + "\"", "\"kafka_partition\" : 0", "\"kafka_offset\" : 3"));
    }

    @Test
    void resettingStopsTheSinkWhichThenConsumesItsTopicAgainFromTheStart() {
        ConnectCtlRunner.Result reset = connectctl.run("offsets", "reset", sink);

        assertThat(reset.status()).as(reset.toString()).isZero();
        assertThat(reset.out().lines()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("stopping " + sink + " (it was RUNNING): its offsets can only be changed while it is STOPPED");
            assertThat(lines.get(1)).startsWith("reset the offsets of " + sink + ": ");
            assertThat(lines.get(2)).isEqualTo("resumed " + sink);
        });
        await().atMost(CONSUMED).until(() -> lines(output), lines -> lines.equals(List.of("one", "two", "three", "one", "two", "three")));
    }

    @Test
    void settingAnOffsetReplaysFromThereAndCanLeaveTheSinkStopped() throws Exception {
        Path offsets = Files.writeString(folder.resolve("offsets.json"), "{\"offsets\": [{\"partition\": {\"kafka_topic\": \"" + topic
                + "\", \"kafka_partition\": 0}, \"offset\": {\"kafka_offset\": 1}}]}");

        ConnectCtlRunner.Result set = connectctl.run("offsets", "set", sink, "-f", offsets.toString(), "--keep-stopped");

        assertThat(set.status()).as(set.toString()).isZero();
        assertThat(set.out()).contains("set 1 offset(s) of " + sink, sink + " stays STOPPED");
        assertThat(TargetState.STOPPED.isReachedBy(stack.client().status(sink))).isTrue();
        assertThat(connectctl.run("resume", sink).status()).isZero();
        await().atMost(CONSUMED).until(() -> lines(output), lines -> lines.equals(List.of("one", "two", "three", "two", "three")));
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String topic, String... values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }
}
