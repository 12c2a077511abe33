package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorFiles;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.topology.EventTopics;
import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Everything that must name a service agrees with the topology ({@code topology/.../services.json}): a service added
 * there and forgotten in one of these places fails here, with the place in the message. The launcher, status, the
 * demo and the verification read the topology itself.
 */
class TopologyConsistencyTest {

    /** The settings in which one outbox source connector differs from another. */
    private static final List<String> PER_SERVICE_SETTINGS = List.of("database.dbname", "slot.name", "topic.prefix");

    static Path home;
    static Topology topology;
    static List<ConnectorDefinition> connectors;

    @BeforeAll
    static void read() {
        home = PlatformLayout.detect().home();
        topology = Topology.load();
        connectors = ConnectorFiles.read(List.of(home.resolve("connect-config/connectors")));
    }

    @Test
    void everyServiceHasAnOutboxSourceConnectorFileForItsDatabase() {
        for (ServiceDescriptor service : topology.services().stream().filter(ServiceDescriptor::hasSourceConnector).toList()) {
            ConnectorDefinition source = connector(service.sourceConnector());
            assertThat(source.config()).as(source.source())
                    .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                    .containsEntry("database.dbname", service.database())
                    .containsEntry("slot.name", service.outboxSlot())
                    .containsEntry("topic.prefix", service.database());
        }
    }

    @Test
    void theOutboxSourceConnectorsDifferOnlyInTheirDatabaseSlotAndPrefix() {
        List<ConnectorDefinition> sources = sources();
        Map<String, String> template = withoutPerServiceSettings(sources.get(0));
        for (ConnectorDefinition source : sources) {
            assertThat(withoutPerServiceSettings(source)).as(source.source() + " against " + sources.get(0).source()).isEqualTo(template);
        }
        assertThat(template).as("the outbox router sends aggregate type X to " + EventTopics.of("X"))
                .containsEntry("transforms.outbox.route.topic.replacement", EventTopics.of("${routedByValue}"));
    }

    @Test
    void noOutboxSourceConnectorStreamsADatabaseOutsideTheTopology() {
        List<String> names = topology.services().stream().filter(ServiceDescriptor::hasSourceConnector)
                .map(ServiceDescriptor::sourceConnector).toList();
        assertThat(sources()).extracting(ConnectorDefinition::name).allMatch(names::contains, "a service of the topology: " + names);
    }

    @Test
    void theSinksSubscribeToEveryEventTopicAndToNoDeadLetterTopic() {
        for (String sink : List.of("elasticsearch-sink", "s3-archive-sink")) {
            ConnectorDefinition connector = connector(sink);
            assertThat(connector.config()).as(connector.source()).containsEntry("topics.regex", EventTopics.REGEX).doesNotContainKey("topics");
        }
        assertThat(topology.eventTopics()).allMatch(EventTopics::isEventTopic);
    }

    @Test
    void theOutboxSourcesRequireExactlyOnceAndTheSinksReadOnlyCommittedTransactions() {
        // KIP-618 with Debezium: one transaction per poll (Debezium supports no other boundary)
        for (ConnectorDefinition source : sources()) {
            assertThat(source.config()).as(source.source()).containsEntry("exactly.once.support", "required")
                    .containsEntry("transaction.boundary", "poll").doesNotContainKey("producer.override.transactional.id")
                    // a crashed worker's open transaction blocks read_committed readers until it times out
                    .containsEntry("producer.override.transaction.timeout.ms", "10000");
        }
        for (String sink : List.of("elasticsearch-sink", "s3-archive-sink")) {
            ConnectorDefinition connector = connector(sink);
            assertThat(connector.config()).as(connector.source()).containsEntry("consumer.override.isolation.level", "read_committed");
        }
    }

    /**
     * The settings on which no loss, no duplicate and per-order ordering rest, pinned so that a careless edit of a
     * connector file fails the build with the setting's name: every acknowledged write on every replica, an idempotent
     * producer with one request in flight (no reordering on retry), the order id as the key (one partition per
     * order), no snapshot of old rows, a publication and a slot made by the platform (not by Debezium), only the
     * outbox table, heartbeats that keep an idle database's slot moving, no tombstones; and sinks that never drop a
     * record silently: what they cannot write goes to their own dead-letter topic, with the reason in its headers.
     */
    @Test
    void theShippedConnectorsKeepTheirSafetyCriticalSettings() {
        for (ConnectorDefinition source : sources()) {
            assertThat(source.config()).as(source.source())
                    .containsEntry("producer.override.acks", "all")
                    .containsEntry("producer.override.enable.idempotence", "true")
                    .containsEntry("producer.override.max.in.flight.requests.per.connection", "1")
                    .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                    .containsEntry("transforms.outbox.table.field.event.key", "aggregateid")
                    .containsEntry("transforms.outbox.table.field.event.id", "id")
                    .containsEntry("transforms.outbox.route.tombstone.on.empty.payload", "false")
                    .containsEntry("snapshot.mode", "no_data")
                    .containsEntry("plugin.name", "pgoutput")
                    .containsEntry("publication.autocreate.mode", "disabled")
                    .containsEntry("table.include.list", "public.outbox_event")
                    .containsEntry("tombstones.on.delete", "false")
                    .containsEntry("heartbeat.interval.ms", "10000")
                    .containsKey("heartbeat.action.query");
        }
        for (String sink : List.of("elasticsearch-sink", "s3-archive-sink", "analytics-elasticsearch-sink")) {
            ConnectorDefinition connector = connector(sink);
            assertThat(connector.config()).as(connector.source())
                    .containsEntry("errors.tolerance", "all")
                    .containsEntry("errors.deadletterqueue.topic.name", sink + ".dlq")
                    .containsEntry("errors.deadletterqueue.context.headers.enable", "true")
                    .doesNotContainEntry("errors.log.include.messages", "true");
        }
    }

    @Test
    void composeRunsEveryServiceWithItsDatabaseJarAndInstances() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(home.resolve("docker-compose.yml").toFile()).path("services");
        for (ServiceDescriptor service : topology.services()) {
            JsonNode container = compose.path(service.name());
            assertThat(container.isMissingNode()).as("docker-compose.yml has a service " + service.name()).isFalse();
            if (service.hasDatabase()) {
                assertThat(container.path("environment").path("SPRING_DATASOURCE_URL").asString()).endsWith("/" + service.database());
                assertThat(container.path("environment").path("SPRING_DATASOURCE_USERNAME").asString()).isEqualTo(service.ownerRole());
            } else {
                assertThat(container.path("environment").has("SPRING_DATASOURCE_URL")).as(service.name() + " has no database").isFalse();
            }
            assertThat(container.path("volumes").toString()).contains("./" + service.jar() + ":");
            assertThat(container.path("deploy").path("replicas").asInt(1)).as(service.name() + " replicas").isEqualTo(service.instances());
        }
    }

    @Test
    void composesInitScriptCreatesEveryServicesDatabaseAndRole() throws IOException {
        String init = Files.readString(home.resolve("connect-config/postgres/init-service-databases.sh"));
        for (ServiceDescriptor service : topology.withDatabase()) {
            assertThat(init).contains("CREATE ROLE " + service.ownerRole() + " WITH LOGIN")
                    .contains("CREATE DATABASE " + service.database() + " OWNER " + service.ownerRole() + ";")
                    .contains("ALTER DEFAULT PRIVILEGES FOR ROLE " + service.ownerRole() + " IN SCHEMA public GRANT SELECT ON TABLES TO relaybox_cdc;");
        }
    }

    @Test
    void everyConsumingServiceDefaultsToTheTopicsAndGroupOfTheTopology() throws IOException {
        // compose runs the services with their own defaults; the local platform passes the topology's values
        for (ServiceDescriptor service : topology.inboxConsumers()) {
            JsonNode inbox = new YAMLMapper().readTree(home.resolve(service.module()).resolve("src/main/resources/application.yml").toFile())
                    .path("outbox").path("inbox");
            assertThat(List.of(inbox.path("topics").asString().split(","))).as(service.name() + " outbox.inbox.topics")
                    .containsExactlyElementsOf(service.consumes());
            assertThat(inbox.path("consumer").asString()).as(service.name() + " outbox.inbox.consumer").isEqualTo(service.consumerGroup());
        }
    }

    @Test
    void theBuildMakesEveryServiceJarTheLauncherRuns() throws IOException {
        // ./platform builds local-platform/cli with its dependencies; the service jars come in through verification's pom
        String verificationPom = Files.readString(home.resolve("verification/pom.xml"));
        for (ServiceDescriptor service : topology.services()) {
            Path module = home.resolve(service.module());
            String artifact = module.getFileName().toString();
            assertThat(Files.readString(module.getParent().resolve("pom.xml"))).as("the parent pom of " + service.module() + " lists it")
                    .contains("<module>" + artifact + "</module>");
            assertThat(verificationPom).as("verification/pom.xml depends on " + artifact).contains("<artifactId>" + artifact + "</artifactId>");
        }
    }

    private static List<ConnectorDefinition> sources() {
        List<ConnectorDefinition> sources = connectors.stream()
                .filter(connector -> "io.debezium.connector.postgresql.PostgresConnector".equals(connector.config().get("connector.class")))
                .toList();
        assertThat(sources).isNotEmpty();
        return sources;
    }

    private static ConnectorDefinition connector(String name) {
        return connectors.stream().filter(connector -> connector.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file in connect-config/connectors names the connector " + name));
    }

    private static Map<String, String> withoutPerServiceSettings(ConnectorDefinition connector) {
        Map<String, String> config = new HashMap<>(connector.config());
        PER_SERVICE_SETTINGS.forEach(config::remove);
        return config;
    }
}
