package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build put what each process runs: the repository root ({@code relaybox.home}) and, under it, one
 * folder per process that Maven lays out at package time. The launcher reads these folders; it resolves nothing.
 */
public record PlatformLayout(Path home) {

    static final String HOME_PROPERTY = "relaybox.home";

    /** The layout of {@code -Drelaybox.home}, else of the nearest folder upwards from here holding the platform script. */
    public static PlatformLayout detect() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new PlatformLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("platform")) && Files.isDirectory(p.resolve("local-platform"))) {
                return new PlatformLayout(p);
            }
        }
        throw new PlatformException("cannot find the relaybox folder: run from inside it or pass -D" + HOME_PROPERTY + "=<folder>");
    }

    public Path kafkaClasspath() {
        return built(home.resolve("local-platform/runtime-kafka/target/lib"));
    }

    public Path connectClasspath() {
        return built(home.resolve("local-platform/runtime-connect/target/lib"));
    }

    /** The classpath of the S3-compatible server (S3Proxy), see {@link S3Server}. */
    public Path s3ProxyClasspath() {
        return built(home.resolve("local-platform/runtime-s3proxy/target/lib"));
    }

    /** The classpath of the SMTP server (GreenMail standalone), see {@link MailServer}. */
    public Path mailServerClasspath() {
        return built(home.resolve("local-platform/runtime-mail/target/lib"));
    }

    /** The Prometheus JMX exporter agent's jar, see {@link MetricsAgent}. */
    public Path jmxExporterAgent() {
        return built(home.resolve("local-platform/runtime-jmx-exporter/target/agent/jmx_prometheus_javaagent.jar"));
    }

    /** The classpath of the consumer-group lag exporter, see {@link LagExporter}. */
    /** The embedded relay's classpath: {@code local-platform/runtime-relay/target/lib}. */
    public Path relayClasspath() {
        return built(home.resolve("local-platform/runtime-relay/target/lib"));
    }

    public Path lagExporterClasspath() {
        return built(home.resolve("local-platform/lag-exporter/target/lib"));
    }

    /**
     * The monitoring files: the metrics agents' rules ({@code jmx/}), the PostgreSQL exporter's queries
     * ({@code postgres/}), Prometheus's alert rules ({@code prometheus/}).
     */
    public Path monitoringFolder() {
        return home.resolve("connect-config/monitoring");
    }

    /** The unpacked Elasticsearch distribution ({@code bin/elasticsearch}, {@code lib}, {@code modules}); it has no JDK. */
    public Path elasticsearchHome() {
        return built(home.resolve("local-platform/runtime-elasticsearch/target/elasticsearch"));
    }

    /** Folders for the worker's {@code plugin.path}: each holds one folder per connector plugin. */
    public List<Path> connectPluginFolders() {
        return List.of(built(home.resolve("local-platform/plugin-debezium-postgres/target/plugins")));
    }

    /**
     * Folders for the worker's {@code plugin.path} holding this project's sink connectors: the {@code target/plugins}
     * folder of every module in {@code connectors/} whose build lays one out (the connectors' parent pom does, for a
     * module that sets {@code plugin.name}).
     */
    public List<Path> sinkPluginFolders() {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> modules = Files.list(home.resolve("connectors"))) {
            modules.filter(module -> Files.isDirectory(module.resolve("src/main/plugin")))
                    .sorted().forEach(module -> folders.add(built(module.resolve("target/plugins"))));
        } catch (IOException e) {
            throw new PlatformException("cannot list " + home.resolve("connectors") + ": " + e.getMessage(), e);
        }
        return folders;
    }

    /** The executable jar of the service. */
    public Path jar(ServiceKind service) {
        return built(service.jarIn(home));
    }

    /** The folder of the connector files that the platform registers. */
    public Path connectorFolder() {
        return built(home.resolve("connect-config/connectors"));
    }

    /** The default run folder of the command line: logs, data and state of the running platform. */
    public Path defaultRunFolder() {
        return home.resolve(".relaybox");
    }

    private static Path built(Path path) {
        if (!Files.exists(path)) {
            throw new PlatformException(path + " is missing: build the project first (mvn -DskipTests package, "
                    + "or let ./platform do it)");
        }
        return path;
    }
}
