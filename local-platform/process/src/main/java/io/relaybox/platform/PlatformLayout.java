package io.relaybox.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** The unpacked Elasticsearch distribution ({@code bin/elasticsearch}, {@code lib}, {@code modules}); it has no JDK. */
    public Path elasticsearchHome() {
        return built(home.resolve("local-platform/runtime-elasticsearch/target/elasticsearch"));
    }

    /** Folders for the worker's {@code plugin.path}: each holds one folder per connector plugin. */
    public List<Path> connectPluginFolders() {
        return List.of(built(home.resolve("local-platform/plugin-debezium-postgres/target/plugins")));
    }

    /**
     * Folders for the worker's {@code plugin.path} holding this project's sink connectors (Elasticsearch, S3 archive),
     * each built by its module in {@code connectors/}.
     */
    public List<Path> sinkPluginFolders() {
        return List.of(built(home.resolve("connectors/elasticsearch-sink/target/plugins")),
                built(home.resolve("connectors/s3-archive-sink/target/plugins")));
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
