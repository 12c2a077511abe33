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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus server (Debian's {@code prometheus}) that scrapes every process of the platform every 10 s and evaluates
 * the alert rules of {@code connect-config/monitoring/prometheus/alerts.yml}; its data lives in the run folder for a
 * day. Its HTTP API answers which targets are up and which alerts fire.
 */
public final class PrometheusServer {

    /** Where Debian installs it. */
    static final List<Path> BINARIES = List.of(Path.of("/usr/bin/prometheus"), Path.of("/usr/local/bin/prometheus"));
    /** How often it scrapes and evaluates the rules. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path folder;
    private final int port;
    private final List<ScrapeTarget> targets;
    private final Path alertRules;
    private final ManagedProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param binary the server ({@link #installed()})
     * @param folder its configuration and data
     * @param port its HTTP port on 127.0.0.1
     * @param targets what it scrapes
     * @param alertRules the alert rules file
     * @param logFile where its output goes
     */
    public PrometheusServer(Path binary, Path folder, int port, List<ScrapeTarget> targets, Path alertRules, Path logFile) {
        this.folder = folder.toAbsolutePath();
        this.port = port;
        this.targets = List.copyOf(targets);
        this.alertRules = alertRules.toAbsolutePath();
        List<String> command = List.of(binary.toString(), "--config.file=" + configFile(),
                "--storage.tsdb.path=" + this.folder.resolve("data"), "--storage.tsdb.retention.time=1d",
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn");
        this.process = new ManagedProcess(new ProcessSpec("prometheus", command, Map.of(), this.folder, logFile, StopSignal.TERM,
                STOP_TIMEOUT, url()), this::isReady);
    }

    /** The server's binary, when it is installed ({@code apt-get install prometheus}). */
    public static Optional<Path> installed() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Writes the configuration; {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        try {
            Files.createDirectories(folder.resolve("data"));
            Files.writeString(configFile(), configuration());
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Prometheus in " + folder + ": " + e.getMessage(), e);
        }
    }

    public ManagedProcess process() {
        return process;
    }

    /** Its web UI and API, e.g. {@code http://127.0.0.1:19090}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The configuration file's text: one job per kind of process, one target per instance (visible for testing). */
    String configuration() {
        StringBuilder text = new StringBuilder();
        text.append("# written by the local platform at each start; edit connect-config/monitoring instead\n");
        text.append("global:\n");
        text.append("  scrape_interval: ").append(INTERVAL.toSeconds()).append("s\n");
        text.append("  scrape_timeout: ").append(INTERVAL.toSeconds() - 1).append("s\n");
        text.append("  evaluation_interval: ").append(INTERVAL.toSeconds()).append("s\n");
        text.append("rule_files:\n  - ").append(quoted(alertRules.toString())).append('\n');
        text.append("scrape_configs:\n");
        Map<String, List<ScrapeTarget>> byJob = new LinkedHashMap<>();
        byJob.put("prometheus", List.of(new ScrapeTarget("prometheus", "prometheus", url() + "/metrics")));
        targets.forEach(target -> byJob.computeIfAbsent(target.job(), job -> new ArrayList<>()).add(target));
        byJob.forEach((job, jobTargets) -> {
            text.append("  - job_name: ").append(quoted(job)).append('\n');
            text.append("    metrics_path: ").append(quoted(jobTargets.get(0).path())).append('\n');
            text.append("    static_configs:\n");
            for (ScrapeTarget target : jobTargets) {
                text.append("      - targets: [").append(quoted(target.address())).append("]\n");
                text.append("        labels: {instance: ").append(quoted(target.instance())).append("}\n");
            }
        });
        return text.toString();
    }

    /** Its HTTP API: which targets are up, which alerts fire. */
    public PrometheusApi api() {
        return PrometheusApi.at(url());
    }

    private boolean isReady() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private Path configFile() {
        return folder.resolve("prometheus.yml");
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
