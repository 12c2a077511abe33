package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.platform.PostgresExporter;
import io.relaybox.platform.PostgresServer;
import io.relaybox.platform.PrometheusApi;
import io.relaybox.platform.PrometheusApi.Alert;
import io.relaybox.platform.PrometheusServer;
import io.relaybox.platform.ScrapeTarget;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * The platform's monitoring on the running platform: every process serves Prometheus text, Prometheus scrapes every one
 * of them, every metric the alert rules read exists, and the alerts fire when their conditions are made true (a paused
 * sink, a stopped source, a stopped service, a dead-letter topic with a record, orders that pile up behind them, a slot
 * that keeps over a gigabyte of WAL) and clear when those are undone. The lag alerts need only be pending (their
 * condition holding): promtool proves their two minutes from pending to firing ({@code AlertRulesTest}).
 */
@Order(13)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    private static final String DEAD_LETTER_TOPIC = "alerts-check.dlq";
    private static final String PAUSED_SINK = LocalPlatform.ELASTICSEARCH_CONNECTOR;
    private static final String STOPPED_SOURCE = "inventory-outbox-source";
    private static final ServiceKind STOPPED_SERVICE = ServiceKind.named("notification-service");
    /** A slot nobody reads, made to keep more WAL than ReplicationSlotRetainsTooMuchWal allows (1 GiB). */
    private static final String RETAINING_SLOT = "alerts_check_wal";
    /** 16 MiB segments: 72 of them are 1.125 GiB, below max_slot_wal_keep_size (2 GB), which would invalidate the slot. */
    private static final int WAL_SEGMENTS = 72;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void everyProcessServesPrometheusTextAndPrometheusScrapesThemAll(LocalPlatform platform) throws Exception {
        PrometheusApi prometheus = prometheus(platform);
        for (ScrapeTarget target : platform.scrapeTargets()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target.url())).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", target.url()).isEqualTo(200);
            assertThat(response.body()).as("%s in Prometheus's text format", target.url()).contains("# TYPE ");
        }

        Set<String> expected = platform.scrapeTargets().stream().map(ScrapeTarget::instance).collect(Collectors.toSet());
        expected.add("prometheus");
        Awaitility.await("every target up in Prometheus").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(prometheus.targets())
                        .allSatisfy(target -> assertThat(target.health()).as("%s: %s", target.instance(), target.lastError()).isEqualTo("up"))
                        .extracting(PrometheusApi.TargetHealth::instance).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** Metrics the README and docs/operations.md name, besides those of the alert rules. */
    private static final List<String> DOCUMENTED = List.of("relaybox_inbox_events_total", "relaybox_outbox_events_total",
            "kafka_consumer_fetch_manager_records_lag", "debezium_postgres_streaming_millisecondsbehindsource",
            "debezium_postgres_streaming_queueremainingcapacity", "kafka_connect_plugin_bulk_records_written_total",
            "kafka_connect_plugin_bulk_retries_total", "kafka_connect_plugin_bulk_request_time_max_ms",
            "kafka_connect_plugin_upload_requests_total", "kafka_connect_plugin_upload_retries_total",
            "kafka_server_brokertopicmetrics_messagesinpersec_total", "kafka_consumergroup_members", "pg_replication_slots_active",
            "http_server_requests_seconds_count", "kafka_stream_thread_process_total");

    @Test
    @Order(2)
    void everyMetricTheAlertRulesTheDashboardAndTheDocsReadExists(LocalPlatform platform) throws Exception {
        PrometheusApi prometheus = prometheus(platform);
        // consumer groups have lag metrics once they committed offsets: orders make every one of them commit
        placeOrdersUntilCommitted(platform, prometheus);
        Set<String> rules = QueriedMetrics.inRules(platform.settings().layout().monitoringFolder().resolve("prometheus/alerts.yml"));
        Set<String> dashboard = QueriedMetrics.inDashboard(platform.settings().layout().monitoringFolder()
                .resolve("grafana/dashboards/relaybox.json"));

        Awaitility.await("every metric of the alert rules and the dashboard in Prometheus").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(prometheus.metricNames()).as("rules")
                        .containsAll(rules).as("Grafana dashboard").containsAll(dashboard).as("docs").containsAll(DOCUMENTED));
    }

    @Test
    @Order(3)
    void alertsFireWhenTheirConditionsHoldAndClearWhenUndone(LocalPlatform platform) throws Exception {
        PrometheusApi prometheus = prometheus(platform);
        ConnectClient connect = platform.connectClient();
        ManagedProcess service = platform.service(STOPPED_SERVICE.instanceName(1)).process();
        List<Expected> expected = List.of(
                new Expected("ConnectorNotRunning", "connector", PAUSED_SINK),
                new Expected("ConnectorTaskNotRunning", "connector", PAUSED_SINK),
                new Expected("ConnectorNotRunning", "connector", STOPPED_SOURCE),
                new Expected("OutboxEventsNotPublished", "database", "inventory"),
                new Expected("TargetDown", "instance", service.name()),
                Expected.condition("ConsumerLagGrowing", "consumergroup", "connect-" + PAUSED_SINK),
                Expected.condition("ConsumerLagGrowing", "consumergroup", STOPPED_SERVICE.descriptor().consumerGroup()),
                new Expected("DeadLetterTopicNotEmpty", "topic", DEAD_LETTER_TOPIC),
                new Expected("ReplicationSlotRetainsTooMuchWal", "slot_name", RETAINING_SLOT));
        placeOrdersUntilCommitted(platform, prometheus);
        // the orders just placed may make a group's lag grow for a moment (a pending ConsumerLagGrowing): wait for quiet
        Awaitility.await("none of the alerts before the conditions are made true").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(prometheus.alerts())
                        .noneMatch(alert -> expected.stream().anyMatch(e -> e.matches(alert))));

        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(13);
        ScheduledExecutorService orders = Executors.newSingleThreadScheduledExecutor();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTER_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                connect.pause(PAUSED_SINK);
                connect.stop(STOPPED_SOURCE);
                service.stop();
                long deadLetterEnd = publishOneDeadLetter(platform);
                retainWal(platform.postgres());
                // orders keep coming: they pile up behind the paused sink and the stopped service, and the inventory
                // service's answers pile up in the WAL behind the stopped source
                orders.scheduleAtFixedRate(() -> placeOne(api, generator), 0, 300, TimeUnit.MILLISECONDS);

                Awaitility.await("every alert firing (the lag alerts at least pending)").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(firing(prometheus, expected)).containsExactlyInAnyOrderElementsOf(expected));

                orders.shutdownNow();
                admin.deleteRecords(Map.of(new TopicPartition(DEAD_LETTER_TOPIC, 0), RecordsToDelete.beforeOffset(deadLetterEnd)))
                        .all().get(30, TimeUnit.SECONDS);
            } finally {
                orders.shutdownNow();
                releaseWal(platform.postgres());
                connect.resume(PAUSED_SINK);
                connect.resume(STOPPED_SOURCE);
                if (!service.isAlive()) {
                    service.start();
                }
            }
            service.awaitReady(Duration.ofMinutes(3));
            connect.awaitRunning(PAUSED_SINK, Duration.ofMinutes(2));
            connect.awaitRunning(STOPPED_SOURCE, Duration.ofMinutes(2));

            Awaitility.await("every alert cleared").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(prometheus.alerts()).noneMatch(alert -> expected.stream().anyMatch(e -> e.matches(alert))));
            admin.deleteTopics(List.of(DEAD_LETTER_TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * An alert expected to fire: its name and the label that says about what. For {@link #condition} its condition
     * holding (the alert pending) is enough: the lag alert's {@code for: 2m} after its {@code offset 1m} would keep this
     * test two minutes longer, and Prometheus's own promtool proves that it turns firing after those two minutes
     * ({@code AlertRulesTest}, {@code alerts-test.yml}); what only the running platform can prove is that the lag series
     * it reads exist with the labels it groups by, and grow when a group stops.
     */
    private record Expected(String alert, String label, String value, boolean pendingIsEnough) {

        Expected(String alert, String label, String value) {
            this(alert, label, value, false);
        }

        static Expected condition(String alert, String label, String value) {
            return new Expected(alert, label, value, true);
        }

        boolean met(Alert alert) {
            return matches(alert) && (alert.firing() || pendingIsEnough && "pending".equals(alert.state()));
        }

        boolean matches(Alert alert) {
            return alert.name().equals(this.alert) && value.equals(alert.labels().get(label));
        }
    }

    private static List<Expected> firing(PrometheusApi prometheus, List<Expected> expected) {
        List<Alert> alerts = prometheus.alerts();
        List<Expected> firing = new ArrayList<>();
        for (Expected e : expected) {
            if (alerts.stream().anyMatch(e::met)) {
                firing.add(e);
            }
        }
        return firing;
    }

    /**
     * Places orders until the groups the test stops have committed offsets, so that Prometheus holds their lag (a group
     * that never committed has no position to measure from).
     */
    private static void placeOrdersUntilCommitted(LocalPlatform platform, PrometheusApi prometheus) throws Exception {
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderLoad.place(api, new OrderGenerator(31), 30, 3);
        for (String group : List.of("connect-" + PAUSED_SINK, STOPPED_SERVICE.descriptor().consumerGroup())) {
            Awaitility.await("Prometheus holds the lag of " + group).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> !prometheus.query("kafka_consumergroup_lag{consumergroup=\"" + group + "\", topic=\""
                            + EventTopics.ORDERS + "\"}").isEmpty());
        }
    }

    /** Places an order; a failure is reported and the next order placed all the same. */
    private static void placeOne(OrdersApi api, OrderGenerator generator) {
        try {
            api.place(generator.nextOrderJson());
        } catch (RuntimeException e) {
            System.err.println("placing an order failed: " + e);
        }
    }

    /**
     * Makes {@link #RETAINING_SLOT} keep over 1 GiB of WAL: a physical slot that reserves WAL at once and is never read,
     * then {@link #WAL_SEGMENTS} WAL segments begun and switched away from (a tiny logical message in the
     * {@code postgres} database, which no connector reads, then {@code pg_switch_wal}): seconds, not a gigabyte of rows.
     */
    private static void retainWal(PostgresServer postgres) {
        postgres.execute("postgres", "SELECT pg_create_physical_replication_slot('" + RETAINING_SLOT + "', true)");
        postgres.execute("postgres", "DO $$ BEGIN FOR i IN 1.." + WAL_SEGMENTS + " LOOP"
                + " PERFORM pg_logical_emit_message(false, 'relaybox.alerts-check', 'segment ' || i); PERFORM pg_switch_wal();"
                + " END LOOP; END $$");
    }

    /** Drops {@link #RETAINING_SLOT} and lets a checkpoint remove the WAL it kept. */
    private static void releaseWal(PostgresServer postgres) {
        postgres.execute("postgres", "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                + RETAINING_SLOT + "'");
        postgres.execute("postgres", "CHECKPOINT");
    }

    /** Writes a record to the test's dead-letter topic; returns the offset after it. */
    private static long publishOneDeadLetter(LocalPlatform platform) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(DEAD_LETTER_TOPIC, "order-1", "{\"poison\":true}")).get(30, TimeUnit.SECONDS)
                    .offset() + 1;
        }
    }

    private static PrometheusApi prometheus(LocalPlatform platform) {
        Optional<PrometheusServer> server = platform.prometheus();
        assumeTrue(server.isPresent() && PostgresExporter.installed().isPresent(), "Prometheus or the PostgreSQL exporter is not installed (apt-get install prometheus prometheus-postgres-exporter, as the"
                + " README's Needs says): the platform runs without it and its alerts cannot be tested here");
        return server.get().api();
    }
}
