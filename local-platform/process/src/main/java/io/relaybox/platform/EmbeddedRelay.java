package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded relay ({@code local-platform/runtime-relay}) as a process: the outbox source connector files run in
 * Debezium's embedded engine instead of a Kafka Connect worker, in one JVM for all of them; ready once every connector
 * streams ({@code GET /status} answers 200). Secrets reach it as environment variables, which the connector files
 * reference as {@code ${env:RELAYBOX_...}}, as they do in Connect.
 */
public final class EmbeddedRelay {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path folder;
    private final int port;
    private final ManagedProcess process;
    private final MetricsAgent metricsAgent;

    /**
     * @param folder its working folder
     * @param classpath {@link PlatformLayout#relayClasspath()}
     * @param bootstrapServers the Kafka cluster
     * @param connectorFiles the outbox source connector files it runs
     * @param overrides settings over every file's (the database's address on this machine)
     * @param port the loopback port of its status endpoint
     * @param logFile where its output goes
     * @param secrets environment variables the files reference
     */
    public EmbeddedRelay(Path folder, Path classpath, String bootstrapServers, List<Path> connectorFiles, Map<String, String> overrides,
            int port, Path logFile, Map<String, String> secrets) {
        this(folder, classpath, bootstrapServers, connectorFiles, overrides, port, logFile, secrets, null);
    }

    /**
     * A relay whose MBeans (Debezium's streaming metrics, its clients', the JVM's) the metrics agent serves to Prometheus.
     *
     * @param metricsAgent the JMX exporter agent, or null for none
     */
    public EmbeddedRelay(Path folder, Path classpath, String bootstrapServers, List<Path> connectorFiles, Map<String, String> overrides,
            int port, Path logFile, Map<String, String> secrets, MetricsAgent metricsAgent) {
        this.folder = folder.toAbsolutePath();
        this.metricsAgent = metricsAgent;
        this.port = port;
        List<String> arguments = new ArrayList<>(List.of("--bootstrap-servers=" + bootstrapServers, "--status-port=" + port));
        connectorFiles.forEach(file -> arguments.add("--connector=" + file.toAbsolutePath()));
        overrides.forEach((key, value) -> arguments.add("--set=" + key + "=" + value));
        List<String> command = JavaCommand.java()
                .heap("384m")
                .agent(metricsAgent)
                .tempFolder(tempFolder())
                .option("-XX:+UseSerialGC")
                .classpathFolder(classpath)
                .mainClass("io.relaybox.relay.OutboxRelay", arguments.toArray(String[]::new))
                .build();
        this.process = new ManagedProcess(new ProcessSpec("relay", command, secrets, this.folder, logFile, StopSignal.TERM, STOP_TIMEOUT,
                statusUrl()), this::everyConnectorStreams);
    }

    /** Creates the working folder; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        JavaCommand.createTempFolder(tempFolder());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create the relay's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    public void stop() {
        process.stop();
    }

    public ManagedProcess process() {
        return process;
    }

    /** The metrics agent serving the relay's MBeans, if it has one. */
    public java.util.Optional<MetricsAgent> metricsAgent() {
        return java.util.Optional.ofNullable(metricsAgent);
    }

    /** {@code GET} this for every connector's state and how many records it published. */
    public String statusUrl() {
        return "http://127.0.0.1:" + port + "/status";
    }

    /** The status endpoint's answer now: every connector's state and progress, as JSON. */
    public String status() throws IOException, InterruptedException {
        return askStatus().body();
    }

    private boolean everyConnectorStreams() throws IOException, InterruptedException {
        return askStatus().statusCode() == 200;
    }

    private HttpResponse<String> askStatus() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(statusUrl())).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Path tempFolder() {
        return folder.resolve("tmp");
    }
}
