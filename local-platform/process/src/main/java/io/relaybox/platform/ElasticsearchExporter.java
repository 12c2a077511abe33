package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Elasticsearch exporter (Debian's {@code prometheus-elasticsearch-exporter}) as a process: cluster health, the
 * node's JVM, indexing and search statistics and each index's documents and size, at
 * {@code http://127.0.0.1:<port>/metrics}. It logs in as a user of its own who may read statistics only
 * ({@link ElasticsearchServer.Security#withMonitor}); the password reaches it in its environment ({@code ES_PASSWORD}),
 * never on its command line.
 */
public final class ElasticsearchExporter {

    /** The Elasticsearch user the exporter logs in as. */
    public static final String USER = "relaybox_monitor";
    /** Where Debian installs it. */
    static final List<Path> BINARIES = List.of(Path.of("/usr/bin/prometheus-elasticsearch-exporter"),
            Path.of("/usr/local/bin/elasticsearch_exporter"));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final MetricsEndpoint endpoint;
    private final ManagedProcess process;

    /**
     * @param binary the exporter ({@link #installed()})
     * @param folder its working folder
     * @param port its HTTP port on 127.0.0.1
     * @param elasticsearch the server it watches
     * @param password the password of {@link #USER}
     * @param logFile where its output goes
     */
    public ElasticsearchExporter(Path binary, Path folder, int port, ElasticsearchServer elasticsearch, String password, Path logFile) {
        this.folder = folder.toAbsolutePath();
        this.endpoint = new MetricsEndpoint(port);
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--es.uri=" + elasticsearch.url(), "--es.indices", "--es.timeout=10s", "--log.level=warn"));
        elasticsearch.caCertificate().ifPresent(ca -> command.add("--es.ca=" + ca.toAbsolutePath()));
        this.process = new ManagedProcess(new ProcessSpec("elasticsearch-exporter", command,
                Map.of("ES_USERNAME", USER, "ES_PASSWORD", password), this.folder, logFile, StopSignal.TERM, STOP_TIMEOUT,
                endpoint.url()), endpoint);
    }

    /** The exporter's binary, when it is installed ({@code apt-get install prometheus-elasticsearch-exporter}). */
    public static Optional<Path> installed() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Creates its working folder. */
    public void prepare() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create the Elasticsearch exporter's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public ManagedProcess process() {
        return process;
    }

    /** Where Prometheus scrapes it. */
    public String metricsEndpoint() {
        return endpoint.url();
    }
}
