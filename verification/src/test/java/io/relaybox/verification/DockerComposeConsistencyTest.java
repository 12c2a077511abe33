package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.platform.PlatformLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docker-compose.yml runs the same topology as the connector JSON expects, with the versions the build pins. */
class DockerComposeConsistencyTest {

    static Path home;
    static JsonNode services;
    static List<ConnectorDefinition> connectors;

    @BeforeAll
    static void read() throws IOException {
        home = PlatformLayout.detect().home();
        services = new YAMLMapper().readTree(home.resolve("docker-compose.yml").toFile()).path("services");
        try (Stream<Path> files = Files.list(home.resolve("connect-config/connectors"))) {
            connectors = files.filter(f -> f.toString().endsWith(".json")).sorted().map(ConnectorDefinition::read).toList();
        }
        assertThat(connectors).isNotEmpty();
    }

    @Test
    void pointsEveryPostgresConnectorAtAComposeDatabaseWithLogicalDecoding() {
        for (ConnectorDefinition connector : postgresConnectors()) {
            JsonNode database = service(connector.config().get("database.hostname"));
            assertThat(database.path("image").asString()).startsWith("postgres:");
            assertThat(database.path("command").toString()).contains("wal_level=logical");
            assertThat(containerPorts(database)).contains(connector.config().get("database.port"));
        }
    }

    @Test
    void createsTheDatabasesAndTheCdcRoleTheConnectorsLogInWith() throws IOException {
        String init = Files.readString(home.resolve("connect-config/postgres/init-service-databases.sh"));
        for (ConnectorDefinition connector : postgresConnectors()) {
            assertThat(init).contains("CREATE DATABASE " + connector.config().get("database.dbname") + " ");
            assertThat(init).containsPattern("CREATE ROLE " + connector.config().get("database.user") + " WITH LOGIN REPLICATION");
        }
    }

    @Test
    void givesTheWorkerEverySecretTheConnectorsReferenceThroughItsEnvProvider() {
        JsonNode connect = service("connect");
        assertThat(connect.path("environment").path("CONNECT_CONFIG_PROVIDERS").asString()).contains("env");
        assertThat(connect.path("environment").path("CONNECT_CONFIG_PROVIDERS_ENV_CLASS").asString())
                .isEqualTo("org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        for (ConnectorDefinition connector : connectors) {
            for (String variable : envReferences(connector)) {
                assertThat(connect.path("environment").has(variable)).as("%s needs %s in the worker's environment", connector.name(), variable)
                        .isTrue();
            }
        }
    }

    @Test
    void runsTheWorkerWithTheExactlyOnceSourceSupportTheOutboxSourcesRequire() {
        assertThat(service("connect").path("environment").path("CONNECT_EXACTLY_ONCE_SOURCE_SUPPORT").asString()).isEqualTo("enabled");
        assertThat(postgresConnectors()).allSatisfy(connector -> assertThat(connector.config()).as(connector.name())
                .containsEntry("exactly.once.support", "required"));
        // the worker's and the tasks' transactions need a transaction state log the one broker can hold
        assertThat(service("kafka").path("environment").path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asString()).isEqualTo("1");
    }

    @Test
    void runsTheKafkaAndDebeziumVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(home.resolve("pom.xml"));
        assertThat(service("kafka").path("image").asString()).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(service("connect").path("image").asString()).endsWith("debezium/connect:" + property(pom, "debezium.version"));
        assertThat(service("connect").path("environment").path("BOOTSTRAP_SERVERS").asString()).isEqualTo("kafka:9092");
    }

    @Test
    void runsAServiceAgainstEveryDatabaseAConnectorCaptures() {
        for (ConnectorDefinition connector : postgresConnectors()) {
            String database = connector.config().get("database.dbname");
            List<String> services = new ArrayList<>(servicesUsing(connector.config().get("database.hostname"), database));
            assertThat(services).as("compose services writing the database %s that %s captures", database, connector.name())
                    .hasSize(1);
            JsonNode service = service(services.get(0));
            assertThat(service.path("volumes").toString()).contains("/target/" + services.get(0) + ".jar");
            assertThat(service.path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo("kafka:9092");
        }
    }

    private static List<String> servicesUsing(String host, String database) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            String url = service.getValue().path("environment").path("SPRING_DATASOURCE_URL").asString("");
            if (url.startsWith("jdbc:")) {
                URI uri = URI.create(url.substring("jdbc:".length()));
                if (uri.getHost().equals(host) && uri.getPath().equals("/" + database)) {
                    names.add(service.getKey());
                }
            }
        }
        return names;
    }

    @Test
    void registersTheConnectorFilesAfterTheServicesThatCreateTheirTables() {
        JsonNode register = service("register-connectors");
        assertThat(register.path("volumes").toString()).contains("./connect-config/connectors:/connectors");
        assertThat(register.path("depends_on").toString()).contains("connect", "order-monolith", "inventory-service", "payment-service");
        assertThat(register.path("environment").path("CONNECT_URL").asString()).isEqualTo("http://connect:8083");
    }

    @Test
    void mountsEverySinkConnectorsPluginFolderIntoTheWorkersPluginPath() {
        String volumes = service("connect").path("volumes").toString();
        for (String sink : List.of("elasticsearch-sink", "s3-archive-sink")) {
            assertThat(volumes).contains("./connectors/" + sink + "/target/plugins/relaybox-" + sink + ":/kafka/connect/relaybox-" + sink);
        }
    }

    @Test
    void pointsTheSinksAtComposeServicesOfTheVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(home.resolve("pom.xml"));
        ConnectorDefinition elasticsearch = connector("elasticsearch-sink");
        URI elasticsearchUrl = URI.create(elasticsearch.config().get("connection.urls").split(",")[0]);
        assertThat(containerPorts(service(elasticsearchUrl.getHost()))).contains(Integer.toString(elasticsearchUrl.getPort()));
        String version = property(pom, "elasticsearch.version");
        assertThat(service(elasticsearchUrl.getHost()).path("image").asString()).endsWith(":${ELASTICSEARCH_VERSION:-" + version + "}");
        assertThat(service("kibana").path("image").asString()).endsWith(":${ELASTICSEARCH_VERSION:-" + version + "}");

        ConnectorDefinition archive = connector("s3-archive-sink");
        URI s3 = URI.create(archive.config().get("s3.endpoint.url"));
        assertThat(containerPorts(service(s3.getHost()))).contains(Integer.toString(s3.getPort()));
        assertThat(service(s3.getHost()).path("environment").path("MINIO_ROOT_USER").asString())
                .isEqualTo(archive.config().get("aws.access.key.id"));
        assertThat(service("minio-setup").path("entrypoint").toString()).contains("mb --ignore-existing local/"
                + archive.config().get("s3.bucket.name"));
    }

    @Test
    void createsTheSinksUserAndImportsTheKibanaSavedObjects() throws IOException {
        String setup = Files.readString(home.resolve("connect-config/elasticsearch/setup-elasticsearch.sh"));
        assertThat(setup).contains("/_security/user/" + connector("elasticsearch-sink").config().get("connection.username"));
        assertThat(service("elasticsearch-setup").path("volumes").toString())
                .contains("./connect-config/elasticsearch/index-templates:/index-templates");
        assertThat(service("kibana-setup").path("volumes").toString())
                .contains("./connect-config/kibana/relaybox-saved-objects.ndjson:");
        assertThat(service("kibana-setup").path("command").toString()).contains("/api/saved_objects/_import");
        assertThat(service("register-connectors").path("depends_on").toString()).contains("elasticsearch-setup", "minio-setup");
    }

    private static ConnectorDefinition connector(String name) {
        return connectors.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no connector file for " + name));
    }

    private static List<ConnectorDefinition> postgresConnectors() {
        return connectors.stream().filter(c -> "io.debezium.connector.postgresql.PostgresConnector".equals(c.connectorClass())).toList();
    }

    private static JsonNode service(String name) {
        JsonNode service = services.path(name);
        assertThat(service.isMissingNode()).as("docker-compose service %s", name).isFalse();
        return service;
    }

    private static List<String> containerPorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> {
            String[] parts = p.asString().split(":");
            ports.add(parts[parts.length - 1]);
        });
        return ports;
    }

    private static List<String> envReferences(ConnectorDefinition connector) {
        List<String> variables = new ArrayList<>();
        Pattern reference = Pattern.compile("\\$\\{env:([^}:]+)}");
        for (Map.Entry<String, String> setting : connector.config().entrySet()) {
            Matcher matcher = reference.matcher(setting.getValue());
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as("property %s in pom.xml", name).isTrue();
        return matcher.group(1);
    }
}
