package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.relaybox.connectctl.ConnectClient;

/**
 * A distributed-mode Kafka Connect worker in its own JVM: REST API on loopback, Debezium (and this project's
 * plugins) on its {@code plugin.path}, secrets handed to connectors only through config providers.
 */
public final class ConnectWorker {

    /** Config-provider variables a connector may reference as {@code ${env:RELAYBOX_...}}. */
    static final String SECRET_VARIABLE_PATTERN = "^RELAYBOX_.*";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final Path classpath;
    private final List<Path> pluginFolders;
    private final String bootstrapServers;
    private final int port;
    private final ManagedProcess process;
    private final ConnectClient client;

    /**
     * @param secrets environment variables for the worker's {@code env} config provider (names start with RELAYBOX_)
     */
    public ConnectWorker(Path folder, Path classpath, List<Path> pluginFolders, String bootstrapServers, int port, Path logFile,
            Map<String, String> secrets) {
        this.folder = folder.toAbsolutePath();
        this.classpath = classpath;
        this.pluginFolders = List.copyOf(pluginFolders);
        this.bootstrapServers = bootstrapServers;
        this.port = port;
        this.client = ConnectClient.of(URI.create(restUrl()));
        List<String> command = JavaCommand.java()
                .heap("1g")
                .option("-XX:+UseG1GC")
                .option("-XX:MaxGCPauseMillis=20")
                .systemProperty("log4j2.configurationFile", this.folder.resolve("log4j2.properties"))
                .classpathFolder(classpath)
                .mainClass("org.apache.kafka.connect.cli.ConnectDistributed", configFile().toString())
                .build();
        this.process = new ManagedProcess(new ProcessSpec("connect", command, secrets, this.folder, logFile, StopSignal.TERM,
                STOP_TIMEOUT, restUrl()), client::isReady);
    }

    /** Writes the configuration, starts the worker and waits until its REST API serves. */
    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    /** Writes the worker's configuration; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        try {
            Files.createDirectories(folder);
            Log4jConfig.write(folder);
            Files.writeString(configFile(), configuration());
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Kafka Connect in " + folder + ": " + e.getMessage(), e);
        }
    }

    public void stop() {
        process.stop();
    }

    public ManagedProcess process() {
        return process;
    }

    public ConnectClient client() {
        return client;
    }

    public String restUrl() {
        return "http://127.0.0.1:" + port;
    }

    private String configuration() {
        String pluginPath = pluginFolders.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(","));
        return String.join("\n",
                "bootstrap.servers=" + bootstrapServers,
                "group.id=relaybox-connect",
                "config.storage.topic=relaybox-connect-configs",
                "offset.storage.topic=relaybox-connect-offsets",
                "status.storage.topic=relaybox-connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.storage.partitions=6",
                "status.storage.partitions=3",
                // committed source offsets bound what a crash re-sends
                "offset.flush.interval.ms=1000",
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "listeners=http://127.0.0.1:" + port,
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + port,
                "plugin.path=" + pluginPath,
                // every plugin ships ServiceLoader manifests: start in ~4 s instead of scanning every jar
                "plugin.discovery=service_load",
                "connector.client.config.override.policy=All",
                "topic.creation.enable=true",
                "config.providers=env,file",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                "config.providers.env.param.allowlist.pattern=" + SECRET_VARIABLE_PATTERN,
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "");
    }

    private Path configFile() {
        return folder.resolve("worker.properties");
    }
}
