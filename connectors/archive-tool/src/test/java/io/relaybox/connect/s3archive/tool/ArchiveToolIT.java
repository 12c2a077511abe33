package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.it.ArchiveChecks;
import io.relaybox.connect.s3archive.it.ArchivePlatform;
import io.relaybox.connect.s3archive.it.ArchivePlatformExtension;
import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.replay.ArchiveObject;
import io.relaybox.testkit.KafkaExtension;

/**
 * The archive tool as a user runs it ({@code java -jar archive-tool.jar ...}, the secret in an environment variable)
 * against an archive that the sink connector wrote through a real Connect worker into the S3 server.
 */
@ExtendWith({KafkaExtension.class, ArchivePlatformExtension.class})
class ArchiveToolIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPIC = "tool-orders";
    private static final String PREFIX = "tool";
    private static final int N = 900;
    /** A topic whose events 100..159 Kafka holds twice, as Debezium leaves it after a Connect worker crash. */
    private static final String RESENT = "tool-resent";
    private static final String RESENT_PREFIX = "tool-resent";
    private static final int RESENT_EVENTS = 300;
    private static final int RESENT_FROM = 100;
    private static final int RESENT_TO = 160;
    /** Every event once, the resent ones again, and one record without an id header. */
    private static final int RESENT_RECORDS = RESENT_EVENTS + (RESENT_TO - RESENT_FROM) + 1;
    static ArchivePlatform platform;

    @BeforeAll
    static void archive(ArchivePlatform shared) {
        platform = shared;
        platform.createTopic(TOPIC);
        platform.createTopic(RESENT);
        try (KafkaProducer<byte[], byte[]> producer = platform.producer()) {
            platform.produce(TOPIC, 0, N, producer);
            platform.produce(RESENT, 0, RESENT_EVENTS, producer);
            platform.produce(RESENT, RESENT_FROM, RESENT_TO, producer);
            ArchivePlatform.send(producer, RESENT_EVENTS, RESENT_EVENTS + 1, i -> {
                ProducerRecord<byte[], byte[]> withoutId = ArchivePlatform.event(RESENT, i);
                withoutId.headers().remove("id");
                return withoutId;
            });
        }
        platform.client().putConfig(platform.connector("tool-archive", TOPIC, PREFIX, Map.of()));
        platform.client().putConfig(platform.connector("tool-archive-resent", RESENT, RESENT_PREFIX, Map.of()));
        platform.client().awaitRunning("tool-archive", TIMEOUT);
        platform.client().awaitRunning("tool-archive-resent", TIMEOUT);
        ArchiveChecks.awaitComplete(platform, PREFIX, TOPIC, N, TIMEOUT);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(platform.verify(RESENT_PREFIX, RESENT).records()).isEqualTo(RESENT_RECORDS));
    }

    @Test
    void listsTheTopicsAndTheObjectsOfATopic() {
        Run topics = tool("list");
        Run objects = tool("list", "--topic", TOPIC);

        assertThat(topics.exit()).as(topics.err()).isZero();
        assertThat(topics.lines()).containsExactly(TOPIC);
        assertThat(objects.exit()).as(objects.err()).isZero();
        assertThat(objects.lines()).hasSize(platform.archive(PREFIX).objects(TOPIC).size())
                .allSatisfy(line -> assertThat(line).matches("tool/tool-orders/dt=" + ArchivePlatform.recordDate() + "/partition=[0-2]/tool-orders\\+[0-2]\\+\\d{20}"
                        + "\\.ndjson\\.gz\t\\d+\t.+"));
    }

    @Test
    void verifiesTheArchiveAndExitsZeroWhenEveryEventIsThereOnce() {
        Run verify = tool("verify", "--topic", TOPIC);

        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.lines().get(0)).contains(N + " records").endsWith("OK");
    }

    @Test
    void replaysTheTopicIntoANewTopicWithTheSameRecords() {
        String target = TOPIC + ".rebuilt";
        platform.createTopic(target);

        Run replay = tool("replay", "--topic", TOPIC, "--to-topic", target, "--bootstrap", platform.kafka().bootstrapServers());

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed " + N + " records");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> original = platform.readAll(TOPIC, N);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> replayed = platform.readAll(target, N);
        for (int p = 0; p < ArchivePlatform.PARTITIONS; p++) {
            assertThat(replayed.get(p)).extracting(Event::of).as("partition %d", p)
                    .containsExactlyElementsOf(original.get(p).stream().map(Event::of).toList());
        }
    }

    @Test
    void replaysOnlyTheRecordsOfATimeRange() {
        String target = TOPIC + ".range";
        platform.createTopic(target);
        Instant from = ArchivePlatform.recordTime(300);
        Instant to = ArchivePlatform.recordTime(600);

        Run replay = tool("replay", "--topic", TOPIC, "--to-topic", target, "--bootstrap", platform.kafka().bootstrapServers(),
                "--from", from.toString(), "--to", to.toString());

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed 300 records").contains("(600 outside the range)");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> original = platform.readAll(TOPIC, N);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> replayed = platform.readAll(target, 300);
        for (int p = 0; p < ArchivePlatform.PARTITIONS; p++) {
            List<Event> inRange = original.get(p).stream()
                    .filter(r -> !Instant.ofEpochMilli(r.timestamp()).isBefore(from) && Instant.ofEpochMilli(r.timestamp()).isBefore(to))
                    .map(Event::of).map(Event::withoutOffset).toList();
            assertThat(replayed.get(p)).extracting(Event::of).extracting(Event::withoutOffset).as("partition %d", p)
                    .containsExactlyElementsOf(inRange);
        }
    }

    @Test
    void refusesToReplayIntoATopicWhoseRetentionWouldDeleteTheRecords() throws Exception {
        String target = TOPIC + ".short-lived";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(target, ArchivePlatform.PARTITIONS, (short) 1)
                    .configs(Map.of("retention.ms", "60000")))).all().get();
        }

        Run replay = tool("replay", "--topic", TOPIC, "--to-topic", target, "--bootstrap", platform.kafka().bootstrapServers());

        assertThat(replay.exit()).isEqualTo(1);
        assertThat(replay.err()).contains("retention.ms=60000").contains("--ignore-retention");
        assertThat(endOffsets(target)).as("records produced into " + target).allSatisfy(end -> assertThat(end).isZero());
    }

    @Test
    void verifiesTheLocalPlatformsArchiveThroughItsLauncherWithNothingButTheRunFolder() throws Exception {
        Path run = Files.createTempDirectory(Path.of("target"), "run-folder");
        Files.writeString(run.resolve("secrets.properties"), "s3." + ArchivePlatform.IDENTITY + "=" + platform.s3().credential() + "\n");
        Files.writeString(run.resolve("platform.json"), "{\"endpoints\":{\"s3\":\"" + platform.s3().endpoint() + "\",\"kafka\":\""
                + platform.kafka().bootstrapServers() + "\"}}");

        Run verify = run(List.of("bash", "archive-tool", "verify", "--topic", TOPIC, "--prefix", PREFIX),
                Map.of("RELAYBOX_RUN_FOLDER", run.toString()));

        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.lines().get(0)).contains(N + " records").endsWith("OK");
    }

    @Test
    void verifyNamesEveryEventIdArchivedTwiceWithTheObjectLineAndOffsetOfEachCopyAndExitsOne() {
        Run verify = toolOn(RESENT_PREFIX, "verify", "--topic", RESENT);

        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
        assertThat(verify.lines().get(0)).contains(RESENT_RECORDS + " records").contains(RESENT_EVENTS + " event ids").endsWith("; DUPLICATES");
        assertThat(verify.lines()).contains("  60 event ids archived more than once (60 extra copies)")
                .contains("  1 record without an id header (not checked for duplicates), the first at " + placeOfTheRecordWithoutId());
        assertThat(verify.lines()).filteredOn(line -> line.startsWith("  event "))
                .containsExactlyInAnyOrderElementsOf(expectedDuplicateLines());
    }

    @Test
    void verifyStillNamesDuplicateEventIdsButExitsZeroWhenTheyAreAllowed() {
        Run verify = toolOn(RESENT_PREFIX, "verify", "--topic", RESENT, "--allow-duplicates");

        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.lines()).contains("  duplicates allowed (--allow-duplicates)");
        assertThat(verify.lines()).filteredOn(line -> line.startsWith("  event ")).hasSize(RESENT_TO - RESENT_FROM);
    }

    @Test
    void replayDeliversEachEventIdOnceTheFirstCopyAndSaysHowManyDuplicatesItSkipped() {
        String target = RESENT + ".replayed";
        platform.createTopic(target);
        int distinct = RESENT_EVENTS + 1; // every event once, and the record without an id

        Run replay = toolOn(RESENT_PREFIX, "replay", "--topic", RESENT, "--to-topic", target, "--bootstrap", platform.kafka().bootstrapServers());

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.lines()).contains("duplicates skipped: " + (RESENT_TO - RESENT_FROM)
                + " (records whose event id was already replayed; --keep-duplicates replays them)",
                "records without an id header, replayed as they are (they cannot be deduplicated): 1");
        assertThat(replay.out()).contains("replayed " + distinct + " records");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> original = platform.readAll(RESENT, RESENT_RECORDS);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> replayed = platform.readAll(target, distinct);
        assertThat(endOffsets(target).stream().mapToLong(Long::longValue).sum()).as("records in " + target).isEqualTo(distinct);
        List<String> ids = replayed.values().stream().flatMap(List::stream).map(ArchiveToolIT::eventId).flatMap(Optional::stream).toList();
        assertThat(ids).as("event ids in " + target).doesNotHaveDuplicates().hasSize(RESENT_EVENTS)
                .containsExactlyInAnyOrderElementsOf(original.values().stream().flatMap(List::stream).map(ArchiveToolIT::eventId)
                        .flatMap(Optional::stream).distinct().toList());
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < ArchivePlatform.PARTITIONS; p++) {
            List<Event> firstCopies = original.get(p).stream().filter(r -> eventId(r).map(seen::add).orElse(true))
                    .map(Event::of).map(Event::withoutOffset).toList();
            assertThat(replayed.get(p)).extracting(Event::of).extracting(Event::withoutOffset).as("partition %d", p)
                    .containsExactlyElementsOf(firstCopies);
        }
    }

    @Test
    void replayWithKeepDuplicatesDeliversEveryArchivedRecord() {
        String target = RESENT + ".verbatim";
        platform.createTopic(target);

        Run replay = toolOn(RESENT_PREFIX, "replay", "--topic", RESENT, "--to-topic", target, "--bootstrap", platform.kafka().bootstrapServers(),
                "--keep-duplicates");

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed " + RESENT_RECORDS + " records").contains("duplicates kept (--keep-duplicates)");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> original = platform.readAll(RESENT, RESENT_RECORDS);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> replayed = platform.readAll(target, RESENT_RECORDS);
        for (int p = 0; p < ArchivePlatform.PARTITIONS; p++) {
            assertThat(replayed.get(p)).extracting(Event::of).as("partition %d", p)
                    .containsExactlyElementsOf(original.get(p).stream().map(Event::of).toList());
        }
    }

    private static Optional<String> eventId(ConsumerRecord<byte[], byte[]> record) {
        return Optional.ofNullable(record.headers().lastHeader("id")).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    /** The end offset of each partition of the topic: how many records it holds. */
    private static List<Long> endOffsets(String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int p = 0; p < ArchivePlatform.PARTITIONS; p++) {
                ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(ends).all().get().values().stream().map(ListOffsetsResult.ListOffsetsResultInfo::offset).toList();
        } catch (ExecutionException e) {
            throw new AssertionError("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * What verify must say of each resent event: its id, 2 times, and both copies at the offsets where Kafka holds them
     * (read from the topic), in the objects and lines where the archive holds those offsets (read record by record).
     */
    private static List<String> expectedDuplicateLines() {
        Map<String, String> archived = archivedPlaces();
        Map<String, List<String>> copies = new LinkedHashMap<>();
        platform.readAll(RESENT, RESENT_RECORDS).values().forEach(records -> records.forEach(r -> {
            Header id = r.headers().lastHeader("id");
            if (id != null) {
                copies.computeIfAbsent(new String(id.value(), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(archived.get(r.partition() + "@" + r.offset()));
            }
        }));
        List<String> lines = new ArrayList<>();
        copies.forEach((id, places) -> {
            if (places.size() > 1) {
                lines.add("  event " + id + " archived " + places.size() + " times: " + String.join("; ", places));
            }
        });
        assertThat(lines).as("events Kafka holds twice").hasSize(RESENT_TO - RESENT_FROM);
        return lines;
    }

    /** Where the archive holds the one record of {@link #RESENT} without an id header. */
    private static String placeOfTheRecordWithoutId() {
        return archivedPlaces().get("without id");
    }

    /**
     * Every record of {@link #RESENT} in the archive: {@code <partition>@<offset>} (or {@code without id} for the record
     * without an id header) → {@code <object key> line <n> (<topic>-<partition>@<offset>)}.
     */
    private static Map<String, String> archivedPlaces() {
        Map<String, String> places = new LinkedHashMap<>();
        Archive archive = platform.archive(RESENT_PREFIX);
        for (ArchiveObject object : archive.objects(RESENT)) {
            List<ArchivedRecord> records = archive.read(object);
            for (int i = 0; i < records.size(); i++) {
                ArchivedRecord r = records.get(i);
                // the sink writes no empty lines: the record at index i is on line i + 1
                String place = object.key().key() + " line " + (i + 1) + " (" + r.topic() + "-" + r.partition() + "@" + r.offset() + ")";
                places.put(r.partition() + "@" + r.offset(), place);
                if (r.eventId().isEmpty()) {
                    places.put("without id", place);
                }
            }
        }
        return places;
    }

    private static Run tool(String... arguments) {
        return toolOn(PREFIX, arguments);
    }

    /** Runs the tool's jar in its own JVM, the secret access key in the environment as a user would give it. */
    private static Run toolOn(String prefix, String... arguments) {
        Path jar = Path.of(System.getProperty("archive.tool.jar", "target/archive-tool.jar"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.add(arguments[0]);
        command.addAll(List.of("--bucket", ArchivePlatform.BUCKET, "--endpoint", platform.s3().endpoint(), "--access-key",
                ArchivePlatform.IDENTITY, "--prefix", prefix));
        command.addAll(Arrays.asList(arguments).subList(1, arguments.length));
        return run(command, Map.of("AWS_SECRET_ACCESS_KEY", platform.s3().credential()));
    }

    private static Run run(List<String> command, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("archive-tool", ".out");
            Path err = Files.createTempFile("archive-tool", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the archive tool did not finish within 120 s: " + command);
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** What replay must preserve: offset (into a new topic), key, value, every header in order, timestamp. */
    record Event(long offset, String key, String value, List<String> headers, long timestamp) {

        static Event of(ConsumerRecord<byte[], byte[]> r) {
            List<String> headers = new ArrayList<>();
            for (Header h : r.headers()) {
                headers.add(h.key() + "=" + (h.value() == null ? "<null>" : new String(h.value(), StandardCharsets.UTF_8)));
            }
            return new Event(r.offset(), new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8),
                    headers, r.timestamp());
        }

        Event withoutOffset() {
            return new Event(-1, key, value, headers, timestamp);
        }
    }
}
