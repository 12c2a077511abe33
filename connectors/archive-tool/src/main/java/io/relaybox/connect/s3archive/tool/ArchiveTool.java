package io.relaybox.connect.s3archive.tool;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.relaybox.connect.s3archive.replay.Archive;
import io.relaybox.connect.s3archive.replay.ArchiveObject;
import io.relaybox.connect.s3archive.replay.ArchiveVerifier;
import io.relaybox.connect.s3archive.replay.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive list|verify|replay}: the S3 archive from the command line. Exit 0 = done, 1 = problems found, 2 = usage. */
@Command(name = "archive", mixinStandardHelpOptions = true, versionProvider = ArchiveTool.Version.class,
        description = "Lists, verifies and replays the relaybox S3 archive (the permanent event store).",
        subcommands = {ArchiveTool.ListCommand.class, ArchiveTool.VerifyCommand.class, ArchiveTool.ReplayCommand.class})
public final class ArchiveTool {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The tool's command line with its error handling. */
    static CommandLine commandLine() {
        return new CommandLine(new ArchiveTool()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(ArchiveTool::failed).setParameterExceptionHandler(ArchiveTool::usageError);
    }

    /** A mistake on the command line (a missing or malformed option): one line naming it, exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("archive: " + e.getMessage() + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A failure (S3 or Kafka unreachable, access denied, a malformed object) is one line on standard error, exit 1. */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        StringBuilder message = new StringBuilder("archive: ").append(e.getMessage() == null ? e.toString() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        command.getErr().println(message);
        command.getErr().flush();
        return 1;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Lists the topics of the archive, or the objects of one topic.")
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        ArchiveOptions archive;

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", description = "List this topic's objects (default: list the topics).")
        String topic;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Archive a = archive.open();
            try {
                if (topic == null) {
                    a.topics().forEach(out::println);
                } else {
                    for (ArchiveObject o : a.objects(topic)) {
                        out.printf("%s\t%d\t%s%n", o.key().key(), o.size(), o.lastModified());
                    }
                }
                out.flush();
                return 0;
            } finally {
                a.store().close();
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Checks the archive of each topic: no offset gaps or overlaps per partition, keys "
            + "that match their records, each event id once.",
            "Names every event id archived more than once with each copy's object key, line, partition and offset. Records "
                    + "without an id header are counted apart: they cannot be checked for duplicates.",
            "Exit 1 when something is wrong, duplicate event ids included (unless --allow-duplicates)."})
    static final class VerifyCommand implements Callable<Integer> {

        @Mixin
        ArchiveOptions archive;

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", description = "An archived topic (repeatable; default: every topic of the archive).")
        List<String> topics = new ArrayList<>();

        @Option(names = "--allow-duplicates", description = "Still list duplicate event ids, but exit 0 when they are the only "
                + "problem (Debezium delivers at least once: after a Connect worker crash an archive may hold an event twice; "
                + "replay delivers it once).")
        boolean allowDuplicates;

        @Option(names = "--transactional", description = "The topics were written by transactional producers (Kafka Connect's "
                + "exactly-once source, relaybox's default): offset gaps (commit markers, aborted transactions) are listed, not failures.")
        boolean transactional;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Archive a = archive.open();
            try {
                boolean failed = false;
                for (String topic : topics.isEmpty() ? a.topics() : topics) {
                    VerificationReport report = new ArchiveVerifier(a, archive.timeHeader).verify(topic, transactional);
                    out.print(report.summary());
                    boolean passes = passes(report, allowDuplicates);
                    if (passes && !report.isClean()) {
                        out.println("  duplicates allowed (--allow-duplicates)");
                    }
                    failed |= !passes;
                    out.flush();
                }
                return failed ? 1 : 0;
            } finally {
                a.store().close();
            }
        }

        /** Whether the report lets verify exit 0: no gaps, overlaps or mismatched keys, and no duplicates unless allowed. */
        static boolean passes(VerificationReport report, boolean allowDuplicates) {
            return report.isIntact() && (allowDuplicates || report.duplicates().isEmpty());
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Produces a topic (or a record-time range of it) from the archive into a Kafka "
            + "topic: same key, value, headers and timestamp, per partition in offset order.",
            "Each event id once: a record whose event id was already replayed in this run is skipped (the first copy in "
                    + "archive order wins) and counted; records without an id header are all replayed. --keep-duplicates "
                    + "replays every record as archived."})
    static final class ReplayCommand implements Callable<Integer> {

        @Mixin
        ArchiveOptions archive;

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", required = true, description = "The archived topic.")
        String topic;

        @Option(names = "--from", description = "Only records whose record time is at or after this ISO instant.")
        Instant from;

        @Option(names = "--to", description = "Only records whose record time is before this ISO instant.")
        Instant to;

        @Option(names = "--to-topic", required = true, description = "The topic to produce into (it must exist).")
        String targetTopic;

        @Option(names = "--bootstrap", description = "Kafka bootstrap servers (default: the local platform's Kafka, see --run-folder).")
        String bootstrap;

        @Option(names = "--same-partitions", negatable = true, defaultValue = "true",
                description = "Produce into the original partition numbers (default: ${DEFAULT-VALUE}); off: by key.")
        boolean samePartitions;

        @Option(names = "--ignore-retention", description = "Replay even when the target topic's retention.ms is shorter than "
                + "the age of the records (their original timestamps): Kafka will delete them soon after.")
        boolean ignoreRetention;

        @Option(names = "--keep-duplicates", description = "Replay every archived record, also later copies of an event id "
                + "already replayed (by default each event id is replayed once; remembering the ids takes about 125 bytes of "
                + "heap per event).")
        boolean keepDuplicates;

        @Option(names = "--producer-property", description = "A Kafka producer setting, e.g. security.protocol=SSL (repeatable).")
        Map<String, String> producerProperties = new LinkedHashMap<>();

        @Override
        public Integer call() {
            Properties properties = new Properties();
            properties.putAll(producerProperties);
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap != null ? bootstrap : archive.platformKafka(System.getenv()));
            properties.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            properties.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "10");
            // one request in flight: a replay keeps each partition's order even when Kafka refuses a first request and
            // accepts the next (KAFKA-15591, a topic created just before); throughput matters less than fidelity here
            properties.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
            Archive a = archive.open();
            if (!ignoreRetention) {
                Optional<java.time.LocalDate> earliest = from != null ? Optional.of(from.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                        : a.objects(topic, Optional.empty(), Optional.empty(), Optional.empty()).stream().map(o -> o.key().date())
                                .min(java.util.Comparator.naturalOrder());
                Optional<String> problem = ReplayRetention.problem(earliest, ReplayRetention.of(properties, targetTopic), Instant.now(),
                        targetTopic);
                if (problem.isPresent()) {
                    a.store().close();
                    spec.commandLine().getErr().println("archive: " + problem.get());
                    spec.commandLine().getErr().flush();
                    return 1;
                }
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
                ArchiveReplayer.Result result = new ArchiveReplayer(a, producer).replay(new ArchiveReplayer.Request(topic,
                        Optional.ofNullable(from), Optional.ofNullable(to), targetTopic, samePartitions, archive.timeHeader, keepDuplicates));
                spec.commandLine().getOut().print(summary(result, topic, targetTopic, keepDuplicates));
                spec.commandLine().getOut().flush();
                return 0;
            } finally {
                a.store().close();
            }
        }

        /** What a replay prints: what it produced, and what it skipped as duplicates. */
        static String summary(ArchiveReplayer.Result result, String topic, String targetTopic, boolean keepDuplicates) {
            StringBuilder out = new StringBuilder(String.format("replayed %d records from %d objects of %s into %s (%d outside the range)%n",
                    result.records(), result.objects(), topic, targetTopic, result.skipped()));
            if (keepDuplicates) {
                out.append(String.format("duplicates kept (--keep-duplicates): every archived record replayed, event ids not looked at%n"));
                return out.toString();
            }
            out.append(String.format("duplicates skipped: %d (records whose event id was already replayed; --keep-duplicates replays them)%n",
                    result.duplicates()));
            if (result.withoutEventId() > 0) {
                out.append(String.format("records without an id header, replayed as they are (they cannot be deduplicated): %d%n",
                        result.withoutEventId()));
            }
            return out.toString();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"relaybox archive " + Optional.ofNullable(ArchiveTool.class.getPackage().getImplementationVersion())
                    .orElse("(development)")};
        }
    }
}
