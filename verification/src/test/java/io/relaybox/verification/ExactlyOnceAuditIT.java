package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;
import io.relaybox.verification.audit.PlatformDatabases;
import io.relaybox.verification.audit.SearchedEvents;
import io.relaybox.verification.audit.SinkEndpoints;
import io.relaybox.verification.verify.AuditReport;
import io.relaybox.verification.verify.ExactlyOnceAudit;
import io.relaybox.verification.verify.SinkTally;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The exactly-once audit against the shared platform, whose services keep their outbox rows
 * ({@code outbox.cleanup=retain}) as a verification run's do: a few hundred orders, then the audit finds every committed
 * event once in every sink; then the sinks are tampered with (an Elasticsearch document and an order document deleted,
 * an archive object added with a copy of an event and an event no outbox committed, an inbox row deleted, a record
 * dead-lettered) and the audit names each of those event ids. The last class of the module's run: nothing after it reads
 * the sinks it tampered with, and the audit counts only what happened since it began.
 */
@Order(100)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactlyOnceAuditIT {

    private static final int ORDERS = 300;
    private static final Duration QUIET = Duration.ofMinutes(5);
    /** Kafka, the two sink connectors' stores, every inbox consumer of the topology and the SMTP server. */
    private static final List<String> SINKS = Stream.of(Stream.of("kafka", "elasticsearch", "archive"),
            Topology.load().inboxConsumers().stream().map(ServiceDescriptor::name), Stream.of("smtp")).flatMap(s -> s).toList();

    static LocalPlatform platform;
    static PlatformDatabases databases;
    static SinkEndpoints sinks;
    static Instant runStart;
    static Set<String> acknowledged;

    @BeforeAll
    static void placeOrders(LocalPlatform shared) throws Exception {
        platform = shared;
        databases = new ServiceDatabases(platform).platformDatabases();
        sinks = SinkContents.endpointsOf(platform);
        runStart = Instant.now();
        acknowledged = OrderLoad.place(new OrdersApi(platform.endpoints().get("orders-api")), new OrderGenerator(11), ORDERS, 8);
    }

    @Test
    @Order(1)
    void findsEveryCommittedEventOnceInEverySinkAndTheInvariantsHolding() throws Exception {
        AuditReport report = audit().run(acknowledged, runStart, QUIET);

        long outboxRows = outboxRowsOfTheRun();
        assertThat(outboxRows).as("outbox rows the services retained").isGreaterThan(ORDERS);
        assertThat(report.orders()).isEqualTo(ORDERS);
        assertThat(report.events()).isEqualTo(outboxRows);
        assertThat(report.violations()).isEmpty();
        assertThat(report.invariantsHold()).isTrue();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        Map<String, SinkTally> tallies = bySink(report);
        assertThat(tallies).containsOnlyKeys(SINKS);
        for (String sink : List.of("kafka", "elasticsearch", "archive")) {
            assertThat(tallies.get(sink).expected()).as(sink).isEqualTo(outboxRows);
            assertThat(tallies.get(sink).delivered()).as(sink).isEqualTo(outboxRows);
        }
        // inventory and payment consume orders.events, the monolith inventory.events and payments.events
        long orderEvents = outboxRows("orders");
        assertThat(tallies.get("inventory-service").delivered()).isEqualTo(orderEvents);
        assertThat(tallies.get("payment-service").delivered()).isEqualTo(orderEvents);
        assertThat(tallies.get("order-monolith").delivered()).isEqualTo(outboxRows - orderEvents).isPositive();
        // one e-mail per order that ended, read back from the SMTP server
        assertThat(tallies.get("smtp").expected()).isEqualTo(ORDERS);
        assertThat(tallies.get("smtp").delivered()).isEqualTo(ORDERS);
    }

    @Test
    @Order(2)
    void namesTheEventsASinkLostDoubledOrNeverGotFromAnOutbox() throws Exception {
        // events every order causes, whether it ends CONFIRMED or CANCELLED (the shared platform's stock and the
        // customers' money are what the earlier tests left)
        String unindexed = anEvent("inventory", null, 0);
        String doubled = anEvent("orders", "OrderPlaced", 0);
        String unapplied = anEvent("orders", "OrderPlaced", 1);
        String deadLettered = anEvent("payment", null, 0);
        String forged = UUID.randomUUID().toString();
        String unindexedOrder = acknowledged.stream().sorted().findFirst().orElseThrow();

        // the platform's Elasticsearch has no reindex module (no _delete_by_query): a bulk delete of the two documents
        String deleted = new SearchedEvents(sinks).send("/_bulk?refresh=true", "{\"delete\": {\"_index\": \"events-inventory.events\", \"_id\": \""
                + unindexed + "\"}}\n{\"delete\": {\"_index\": \"orders\", \"_id\": \"" + unindexedOrder + "\"}}\n");
        assertThat(deleted).contains("\"errors\":false").doesNotContain("not_found");
        archiveObject("events/orders.events/tampered-by-test.ndjson.gz", archivedLine(doubled), archivedLine(forged));
        try (Connection payment = databases.connect("payment");
                PreparedStatement delete = payment.prepareStatement("DELETE FROM processed_event WHERE consumer = ? AND event_id = ?::uuid")) {
            delete.setString(1, "payment-service");
            delete.setString(2, unapplied);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        deadLetter("payments.events.dlq", deadLettered);

        // the platform was quiet after the first audit: what is missing now is what this test took away
        AuditReport report = audit().run(acknowledged, runStart, QUIET, Duration.ofSeconds(10));

        Map<String, SinkTally> tallies = bySink(report);
        assertThat(tallies.get("elasticsearch").lost()).isEqualTo(1);
        assertThat(tallies.get("payment-service").lost()).isEqualTo(1);
        assertThat(tallies.get("archive").duplicatesDelivered()).isEqualTo(1);
        assertThat(tallies.get("kafka").lost()).isZero();
        assertThat(report.lost()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.invariantsHold()).isFalse();
        assertThat(report.violations())
                .anySatisfy(v -> assertThat(v).startsWith("elasticsearch lacks 1 of").endsWith(unindexed))
                .anySatisfy(v -> assertThat(v).startsWith("payment-service lacks 1 of").endsWith(unapplied))
                .anySatisfy(v -> assertThat(v).isEqualTo("archive holds 1 events more than once (1 extra copies): " + doubled))
                .anySatisfy(v -> assertThat(v).isEqualTo("archive holds 1 events that no outbox committed: " + forged))
                .anySatisfy(v -> assertThat(v).isEqualTo("the orders index lacks 1 orders: " + unindexedOrder))
                .anySatisfy(v -> assertThat(v).startsWith("payments.events.dlq: event " + deadLettered + " (PaymentCaptured)")
                        .endsWith("java.lang.IllegalStateException: dead-lettered by ExactlyOnceAuditIT"));
    }

    private static ExactlyOnceAudit audit() {
        return new ExactlyOnceAudit(databases, platform.kafka().bootstrapServers(), sinks, platform.settings().exactlyOnceSource(),
                System.out).withServiceEndpoints(platform.endpoints());
    }

    private static Map<String, SinkTally> bySink(AuditReport report) {
        return report.sinks().stream().collect(Collectors.toMap(SinkTally::sink, Function.identity()));
    }

    private static long outboxRowsOfTheRun() throws SQLException {
        long rows = 0;
        for (String database : Topology.load().services().stream().filter(ServiceDescriptor::hasSourceConnector)
                .map(ServiceDescriptor::database).toList()) {
            rows += outboxRows(database);
        }
        return rows;
    }

    private static long outboxRows(String database) throws SQLException {
        try (Connection connection = databases.connect(database);
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox_event WHERE occurredat >= ?")) {
            count.setTimestamp(1, Timestamp.from(runStart));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The id of the {@code nth} event (of that type, or of any when null) the database's outbox committed during the run. */
    private static String anEvent(String database, String type, int nth) throws SQLException {
        try (Connection connection = databases.connect(database);
                PreparedStatement query = connection.prepareStatement("SELECT id::text FROM outbox_event WHERE (type = ? OR ? IS NULL)"
                        + " AND occurredat >= ? ORDER BY id OFFSET ? LIMIT 1")) {
            query.setString(1, type);
            query.setString(2, type);
            query.setTimestamp(3, Timestamp.from(runStart));
            query.setInt(4, nth);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("event %d of type %s in %s", nth, type == null ? "any" : type, database).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** A line as the archive sink writes it (only what the audit reads matters: the envelope's id and time). */
    private static String archivedLine(String eventId) {
        return "{\"topic\":\"orders.events\",\"partition\":0,\"offset\":1000000,\"timestamp\":" + Instant.now().toEpochMilli()
                + ",\"timestampType\":\"CreateTime\",\"key\":\"tampered\",\"envelope\":{\"id\":\"" + eventId
                + "\",\"type\":\"OrderPlaced\",\"schemaversion\":\"1\",\"occurredat\":\"" + Instant.now()
                + "\",\"traceparent\":null},\"headers\":[],\"payload\":\"{}\"}";
    }

    private static void archiveObject(String key, String... lines) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(sinks.s3Endpoint())).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(sinks.s3AccessKey(), sinks.s3SecretKey())))
                .build()) {
            s3.putObject(b -> b.bucket(sinks.archiveBucket()).key(key), RequestBody.fromBytes(gzipped.toByteArray()));
        }
    }

    /** A record in a dead-letter topic as the inbox consumer writes one: the event's headers and the reason. */
    private static void deadLetter(String topic, String eventId) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, "order", "{}");
            record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8))
                    .add("type", "PaymentCaptured".getBytes(StandardCharsets.UTF_8))
                    .add("occurredat", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                    .add("relaybox.dlq.consumer", "order-monolith".getBytes(StandardCharsets.UTF_8))
                    .add("relaybox.dlq.exception.class", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8))
                    .add("relaybox.dlq.exception.message", "dead-lettered by ExactlyOnceAuditIT".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
