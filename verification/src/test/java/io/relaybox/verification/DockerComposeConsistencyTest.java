package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.Profile;
import io.relaybox.connectctl.cli.ConnectCtl;
import io.relaybox.platform.PlatformLayout;
import picocli.CommandLine;
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
            // the image's own port: PostgreSQL publishes no host port, only the compose network reaches it
            assertThat(connector.config().get("database.port")).isEqualTo("5432");
            assertThat(database.has("ports")).as("host ports of " + connector.config().get("database.hostname")).isFalse();
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

    /**
     * As in the local platform, the worker's REST API answers only with a user and password: Kafka's basic
     * authentication extension, its JAAS login context mounted from the repository, the user file written by a
     * one-shot container into a volume the worker mounts where the login context looks; connectctl gets the same
     * user and password.
     */
    @Test
    void protectsTheConnectRestApiWithBasicAuthenticationAndGivesConnectctlTheCredentials() throws IOException {
        JsonNode connect = service("connect");
        assertThat(connect.path("environment").path("CONNECT_REST_EXTENSION_CLASSES").asString())
                .isEqualTo("org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension");
        String loginConfig = connect.path("environment").path("KAFKA_OPTS").asString().replaceAll("(?s).*-Djava.security.auth.login.config=(\\S+).*", "$1");
        Path jaas = mountedFile(connect, loginConfig);
        String context = Files.readString(jaas);
        assertThat(context).contains("KafkaConnect {", "org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required");
        String userFile = context.replaceAll("(?s).*file=\"([^\"]+)\".*", "$1");

        JsonNode writer = service("connect-credentials");
        String volume = writer.path("volumes").get(0).asString();
        String writtenAt = volume.substring(volume.indexOf(':') + 1);
        assertThat(writer.path("command").get(2).asString()).contains("> " + writtenAt + "/" + Path.of(userFile).getFileName());
        assertThat(connect.path("volumes").valueStream().map(JsonNode::asString))
                .contains(volume.substring(0, volume.indexOf(':')) + ":" + Path.of(userFile).getParent() + ":ro");
        assertThat(connect.path("depends_on").path("connect-credentials").path("condition").asString()).isEqualTo("service_completed_successfully");
        for (String variable : List.of("CONNECT_USER", "CONNECT_PASSWORD")) {
            assertThat(service("register-connectors").path("environment").path(variable).asString()).as(variable)
                    .isEqualTo(writer.path("environment").path(variable).asString()).isNotBlank();
        }
    }

    /** Host ports only for what a user reaches from the host; every one on 127.0.0.1. */
    @Test
    void publishesOnlyTheHostPortsAUserNeedsAndOnlyOnTheLoopback() {
        Map<String, List<String>> published = new java.util.TreeMap<>();
        services.properties().forEach(entry -> entry.getValue().path("ports").forEach(port -> published
                .computeIfAbsent(entry.getKey(), name -> new java.util.ArrayList<>()).add(port.asString())));
        assertThat(published).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("kafka", List.of("127.0.0.1:29092:29092")), // the archive tool's replay, Kafka clients on the host
                Map.entry("kafka-2", List.of("127.0.0.1:29094:29094")), // the cluster profile's further brokers
                Map.entry("kafka-3", List.of("127.0.0.1:29096:29096")),
                Map.entry("connect", List.of("127.0.0.1:8083:8083")), // connectctl (with the user and password)
                Map.entry("connect-2", List.of("127.0.0.1:8085:8083")), // the cluster profile's second worker
                Map.entry("elasticsearch", List.of("127.0.0.1:9200:9200")), // queries, the archive's comparisons
                Map.entry("kibana", List.of("127.0.0.1:5601:5601")),
                Map.entry("minio", List.of("127.0.0.1:9000:9000")), // the archive tool (S3 API; no console)
                Map.entry("order-monolith", List.of("127.0.0.1:8080:8080")), // the order API
                Map.entry("analytics-streams", List.of("127.0.0.1:8084:8080")), // the figures API
                Map.entry("mailpit", List.of("127.0.0.1:8025:8025")), // the sent e-mails (web UI; SMTP stays inside)
                Map.entry("prometheus", List.of("127.0.0.1:9090:9090")),
                Map.entry("grafana", List.of("127.0.0.1:3000:3000")),
                Map.entry("jaeger", List.of("127.0.0.1:16686:16686"))));
    }

    @Test
    void runsTheWorkerWithTheExactlyOnceSourceSupportTheOutboxSourcesRequire() {
        assertThat(service("connect").path("environment").path("CONNECT_EXACTLY_ONCE_SOURCE_SUPPORT").asString()).isEqualTo("enabled");
        assertThat(postgresConnectors()).allSatisfy(connector -> assertThat(connector.config()).as(connector.name())
                .containsEntry("exactly.once.support", "required"));
        // the worker's and the tasks' transactions need a transaction state log the one broker can hold
        assertThat(byDefault(service("kafka").path("environment").path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asString()))
                .isEqualTo("1");
    }

    @Test
    void theClusterProfileRunsThreeReplicatingBrokersInOneQuorumAndTwoWorkersInOneGroup() throws IOException {
        Map<String, String> cluster = new LinkedHashMap<>();
        for (String line : Files.readAllLines(home.resolve("cluster.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cluster.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(cluster).containsEntry("COMPOSE_PROFILES", "cluster").containsEntry("RELAYBOX_REPLICATION_FACTOR", "3")
                .containsEntry("RELAYBOX_MIN_INSYNC_REPLICAS", "2");
        List<String> brokers = List.of("kafka", "kafka-2", "kafka-3");
        for (int node = 1; node <= brokers.size(); node++) {
            JsonNode environment = service(brokers.get(node - 1)).path("environment");
            assertThat(environment.path("KAFKA_NODE_ID").asString()).isEqualTo(Integer.toString(node));
            assertThat(cluster.get("RELAYBOX_KAFKA_VOTERS")).contains(node + "@" + brokers.get(node - 1) + ":9093");
            assertThat(cluster.get("RELAYBOX_KAFKA_BOOTSTRAP")).contains(brokers.get(node - 1) + ":9092");
            for (String key : List.of("KAFKA_CONTROLLER_QUORUM_VOTERS", "CLUSTER_ID", "KAFKA_DEFAULT_REPLICATION_FACTOR",
                    "KAFKA_MIN_INSYNC_REPLICAS", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
                assertThat(environment.path(key).asString()).as(brokers.get(node - 1) + " " + key)
                        .isEqualTo(service("kafka").path("environment").path(key).asString()).startsWith("${RELAYBOX_");
            }
        }
        assertThat(service("kafka-2").path("profiles").toString()).contains("cluster");
        assertThat(service("connect-2").path("profiles").toString()).contains("cluster");
        assertThat(service("connect-2").path("environment").path("GROUP_ID").asString())
                .isEqualTo(service("connect").path("environment").path("GROUP_ID").asString());
        assertThat(service("connect-2").path("environment").path("BOOTSTRAP_SERVERS").asString()).contains("RELAYBOX_KAFKA_BOOTSTRAP");
    }

    /** A compose value as it is without an env file: {@code ${NAME:-default}} is its default. */
    private static String byDefault(String value) {
        return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
    }

    @Test
    void runsTheKafkaAndDebeziumVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(home.resolve("pom.xml"));
        assertThat(service("kafka").path("image").asString()).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(service("connect").path("image").asString()).endsWith("debezium/connect:" + property(pom, "debezium.version"));
        assertThat(byDefault(service("connect").path("environment").path("BOOTSTRAP_SERVERS").asString())).isEqualTo("kafka:9092");
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
            assertThat(byDefault(service.path("environment").path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())).isEqualTo("kafka:9092");
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
    void registersTheConnectorFilesWithConnectctlAfterTheServicesThatCreateTheirTables() {
        JsonNode register = service("register-connectors");
        assertThat(register.path("volumes").toString()).contains("./connect-config/connectors:/connectors");
        JsonNode dependsOn = register.path("depends_on");
        assertThat(dependsOn.has("connect")).as("register-connectors depends on connect").isTrue();
        for (String service : List.of("order-monolith", "inventory-service", "payment-service")) {
            // their migrations create the outbox tables and publications the outbox sources capture
            assertThat(dependsOn.path(service).path("condition").asString()).as("register-connectors waits for %s", service)
                    .isEqualTo("service_healthy");
            assertThat(service(service).path("healthcheck").path("test").toString()).contains("/actuator/health");
        }
    }

    @Test
    void runsConnectctlApplyFromTheBuiltJarWithTheDockerProfile() throws IOException {
        JsonNode register = service("register-connectors");
        List<String> command = new ArrayList<>();
        register.path("command").forEach(word -> command.add(word.asString()));
        assertThat(register.path("image").asString()).startsWith("eclipse-temurin:17");
        assertThat(command.subList(0, 2)).containsExactly("java", "-cp");
        assertThat(command.get(3)).isEqualTo(ConnectCtl.class.getName());
        // the jar and the folder of its dependencies, as connectctl-tool's package phase lays them out for the script
        String pom = Files.readString(home.resolve("connect-config/connectctl-tool/pom.xml"));
        assertThat(pom).contains("<finalName>connect-config</finalName>", "<outputDirectory>${project.build.directory}/lib</outputDirectory>");
        Map<String, String> mounts = mounts(register);
        assertThat(command.get(2).split(":")).allSatisfy(entry -> assertThat(mounts.values())
                .as("a mount for the classpath entry %s", entry).anySatisfy(container -> assertThat(entry).startsWith(container)));
        assertThat(mounts).containsEntry("./connect-config/connectctl-tool/target/connect-config.jar", "/connectctl/connect-config.jar")
                .containsEntry("./connect-config/connectctl-tool/target/lib", "/connectctl/lib");

        // what connectctl makes of the arguments: apply, every file of the mounted folder, the docker profile, the worker
        CommandLine.ParseResult parsed = ConnectCtl.commandLine(new ConnectCtl(Map.of()))
                .parseArgs(command.subList(4, command.size()).toArray(String[]::new));
        CommandLine.ParseResult apply = parsed.subcommand();
        assertThat(apply.commandSpec().name()).isEqualTo("apply");
        assertThat(apply.matchedOptionValue("-f", List.<Path>of())).containsExactly(Path.of(mounts.get("./connect-config/connectors")));
        String profile = apply.matchedOptionValue("--profile", "");
        assertThat(home.resolve("connect-config/profiles/" + profile + ".properties")).exists();
        assertThat(Profile.load(profile).applyTo(connector("orders-outbox-source")).config())
                .as("the docker profile leaves the files' compose host names as they are")
                .isEqualTo(connector("orders-outbox-source").config());
        URI worker = URI.create(apply.matchedOptionValue("--url", "http://unset"));
        assertThat(worker.getHost()).isEqualTo("connect");
        assertThat(containerPorts(service("connect"))).contains(Integer.toString(worker.getPort()));
    }

    /** The repository file mounted at the container path. */
    private static Path mountedFile(JsonNode service, String containerPath) {
        return mounts(service).entrySet().stream().filter(mount -> mount.getValue().equals(containerPath)).map(mount -> home.resolve(mount.getKey()))
                .findFirst().orElseThrow(() -> new AssertionError("nothing is mounted at " + containerPath));
    }

    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        service.path("volumes").forEach(volume -> {
            String[] parts = volume.asString().split(":");
            mounts.put(parts[0], parts[1]);
        });
        return mounts;
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
        assertThat(service("kibana-setup").path("volumes").toString())
                .contains("./connect-config/kibana/relaybox-saved-objects.ndjson:");
        assertThat(service("kibana-setup").path("command").toString()).contains("/api/saved_objects/_import");
        assertThat(service("register-connectors").path("depends_on").toString()).contains("elasticsearch-setup", "minio-setup");
    }

    @Test
    void leavesTheIndexTemplatesToTheSinkWhoseUserMayInstallThem() throws IOException {
        String setup = Files.readString(home.resolve("connect-config/elasticsearch/setup-elasticsearch.sh"));
        assertThat(connector("elasticsearch-sink").config()).containsEntry("index.templates.install", "true");
        assertThat(setup).contains("manage_index_templates").doesNotContain("/_index_template");
        assertThat(services.toString()).as("no compose service installs index templates").doesNotContain("index-templates");
    }

    @Test
    void scrapesEveryComposeProcessThatServesMetricsWithTheLocalPlatformsAlertRules() throws IOException {
        JsonNode prometheus = new YAMLMapper().readTree(home.resolve("connect-config/monitoring/prometheus/prometheus-compose.yml").toFile());
        Map<String, String> targetByJob = new LinkedHashMap<>();
        prometheus.path("scrape_configs").forEach(job -> {
            JsonNode target = job.path("static_configs").path(0).path("targets").path(0);
            JsonNode dns = job.path("dns_sd_configs").path(0);
            targetByJob.put(job.path("job_name").asString(),
                    target.isMissingNode() ? dns.path("names").path(0).asString() + ":" + dns.path("port").asString() : target.asString());
        });
        // every Spring service, under the job name the local platform gives it
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            if (service.getValue().path("command").toString().contains("-jar")) {
                assertThat(targetByJob).as("scrape job of %s", service.getKey()).containsEntry(service.getKey(), service.getKey() + ":8080");
            }
        }
        // the JVMs with the JMX exporter agent, on the port their KAFKA_OPTS give it, with the local platform's rules
        for (String[] agent : List.of(new String[] { "kafka", "kafka-broker.yml" }, new String[] { "connect", "connect-worker.yml" })) {
            String options = service(agent[0]).path("environment").path("KAFKA_OPTS").asString();
            String port = targetByJob.get(agent[0]).split(":")[1];
            assertThat(options).startsWith("-javaagent:/opt/relaybox/jmx_prometheus_javaagent.jar=" + port + ":/opt/relaybox/" + agent[1]);
            assertThat(mounts(service(agent[0]))).containsEntry("./connect-config/monitoring/jmx/" + agent[1], "/opt/relaybox/" + agent[1])
                    .containsKey("./local-platform/runtime-jmx-exporter/target/agent/jmx_prometheus_javaagent.jar");
        }
        assertThat(targetByJob).containsEntry("postgres", "postgres-exporter:9187").containsEntry("kafka-consumer-groups", "lag-exporter:9308")
                .containsEntry("elasticsearch", "elasticsearch-exporter:9114");
        assertThat(service("elasticsearch-exporter").path("environment").path("ES_USERNAME").asString())
                .isEqualTo(io.relaybox.platform.ElasticsearchExporter.USER);
        assertThat(Files.readString(home.resolve("connect-config/elasticsearch/setup-elasticsearch.sh")))
                .contains("PUT /_security/user/" + io.relaybox.platform.ElasticsearchExporter.USER);
        assertThat(service("lag-exporter").path("command").toString()).contains("--port=9308", "--host=0.0.0.0");
        assertThat(mounts(service("prometheus"))).containsEntry("./connect-config/monitoring/prometheus/alerts.yml", "/etc/prometheus/alerts.yml");
        assertThat(prometheus.path("rule_files").path(0).asString()).isEqualTo("/etc/prometheus/alerts.yml");
        String init = Files.readString(home.resolve("connect-config/postgres/init-service-databases.sh"));
        assertThat(init).contains("CREATE ROLE " + io.relaybox.platform.PostgresExporter.ROLE + " WITH LOGIN", "GRANT pg_monitor TO "
                + io.relaybox.platform.PostgresExporter.ROLE);
    }

    @Test
    void provisionsGrafanaWithTheDashboardOnThePrometheusDatasource() throws IOException {
        Map<String, String> mounts = mounts(service("grafana"));
        assertThat(mounts).containsEntry("./connect-config/monitoring/grafana/dashboards", "/var/lib/grafana/dashboards");
        JsonNode datasource = new YAMLMapper().readTree(home.resolve("connect-config/monitoring/grafana/provisioning/datasources/prometheus.yml")
                .toFile()).path("datasources").path(0);
        JsonNode provider = new YAMLMapper().readTree(home.resolve("connect-config/monitoring/grafana/provisioning/dashboards/relaybox.yml")
                .toFile()).path("providers").path(0);
        assertThat(datasource.path("url").asString()).isEqualTo("http://prometheus:9090");
        assertThat(containerPorts(service("prometheus"))).contains("9090");
        assertThat(provider.path("options").path("path").asString()).isEqualTo("/var/lib/grafana/dashboards");
        JsonNode dashboard = new YAMLMapper().readTree(home.resolve("connect-config/monitoring/grafana/dashboards/relaybox.json").toFile());
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asString()).isEqualTo(datasource.path("uid").asString());
            assertThat(panel.path("targets")).isNotEmpty();
        });
    }

    @Test
    void exportsEveryServicesSpansToJaegerOverOtlp() {
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            if (service.getValue().path("command").toString().contains("-jar")) {
                assertThat(service.getValue().path("environment").path("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT").asString())
                        .as(service.getKey()).isEqualTo("http://jaeger:4318/v1/traces");
            }
        }
        assertThat(service("jaeger").path("environment").path("COLLECTOR_OTLP_ENABLED").asString()).isEqualTo("true");
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
