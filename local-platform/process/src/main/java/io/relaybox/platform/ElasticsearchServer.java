package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * A single-node Elasticsearch from the unpacked distribution, with its own configuration, data and log folders, HTTP
 * and transport ports on loopback and a 512 MB heap; run as an unprivileged user when the launcher is root (it refuses
 * root). With {@link Security#basicAuth} the HTTP API demands a user (the file realm: no setup request needed), and
 * with {@link Security#basicAuthWithTls} it serves HTTPS with a self-signed certificate made on first start.
 */
public final class ElasticsearchServer {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String FOLDER_KIND = "elasticsearch";
    private static final String DISTRIBUTION_KIND = "elasticsearch-distribution";

    private final Path distribution;
    private final RunAs runAs;
    private final Path folder;
    private final int port;
    private final int transportPort;
    private final Security security;
    private final ManagedProcess process;
    private HttpClient http;

    /**
     * Who may use the HTTP API.
     *
     * @param user the superuser's name, or empty when security is off (anyone may do anything)
     * @param monitor a user who may only read the cluster's and the indices' statistics (the role
     *        {@value ElasticsearchSecurityFiles#MONITOR_ROLE}: cluster {@code monitor}, indices {@code monitor} and
     *        {@code view_index_metadata}), as a metrics exporter
     *        needs; empty for none
     * @param tls whether the HTTP API is HTTPS (self-signed certificate, see {@link #caCertificate()})
     */
    public record Security(Optional<Credentials> user, Optional<Credentials> monitor, boolean tls) {

        public Security {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(monitor, "monitor");
            if (tls && user.isEmpty()) {
                throw new IllegalArgumentException("TLS needs Elasticsearch security, and so a user");
            }
            if (monitor.isPresent() && (user.isEmpty() || monitor.get().user().equals(user.get().user()))) {
                throw new IllegalArgumentException("a monitoring user needs Elasticsearch security and a name of its own");
            }
        }

        /** No authentication, plain HTTP. */
        public static Security disabled() {
            return new Security(Optional.empty(), Optional.empty(), false);
        }

        /** HTTP basic authentication of one superuser, plain HTTP. */
        public static Security basicAuth(Credentials user) {
            return new Security(Optional.of(user), Optional.empty(), false);
        }

        /** HTTP basic authentication of one superuser over HTTPS. */
        public static Security basicAuthWithTls(Credentials user) {
            return new Security(Optional.of(user), Optional.empty(), true);
        }

        /** The same, with a user who may read statistics only. */
        public Security withMonitor(Credentials monitor) {
            return new Security(user, Optional.of(monitor), tls);
        }
    }

    /**
     * A user of the file realm.
     *
     * @param user login name
     * @param password its password
     */
    public record Credentials(String user, String password) {

        public Credentials {
            if (user == null || !user.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("not a plain Elasticsearch user name: " + user);
            }
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=****]";
        }
    }

    private ElasticsearchServer(Path distribution, RunAs runAs, Path folder, int port, int transportPort, Path logFile,
            Security security) {
        this.distribution = distribution.toAbsolutePath();
        this.runAs = runAs;
        this.folder = folder;
        this.port = port;
        this.transportPort = transportPort;
        this.security = security;
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", configFolder().toString(),
                "ES_TMPDIR", folder.resolve("tmp").toString(),
                // the launcher's own JVM works out the server's flags in a temporary folder it leaves behind
                "CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + folder.resolve("tmp"));
        this.process = new ManagedProcess(new ProcessSpec("elasticsearch",
                runAs.wrap(List.of(this.distribution.resolve("bin/elasticsearch").toString())), environment, folder, logFile,
                StopSignal.TERM, STOP_TIMEOUT, url()), this::isHealthy);
    }

    /**
     * Describes a server; nothing is written or started until {@link #start(Duration)}.
     *
     * @param distribution the unpacked distribution, see {@link PlatformLayout#elasticsearchHome()}
     * @param folder the server's folder ({@code config}, {@code data}, {@code logs}, {@code tmp}), created on first start;
     *        when the server's user cannot reach it, a folder under the system's temporary folder named after it is used
     *        instead: see {@link #folder()}
     * @param port the HTTP port on 127.0.0.1
     * @param transportPort the transport (node-to-node) port on 127.0.0.1
     */
    public static ElasticsearchServer create(Path distribution, Path folder, int port, int transportPort, Path logFile,
            Security security) {
        RunAs runAs = RunAs.detect();
        Path readable = ReadableCopy.of(distribution, distributionCopyFor(folder), runAs);
        return new ElasticsearchServer(readable, runAs, folderFor(folder, runAs), port, transportPort, logFile, security);
    }

    static Path folderFor(Path folder, RunAs runAs) {
        return runAs.reachable(folder, FOLDER_KIND);
    }

    /**
     * Where the server of this folder gets its copy of the distribution when its user cannot reach the original: one
     * copy per server, so that deleting it (with the server's data, {@link #deleteDistributionCopyFor}) never pulls the
     * files from under another server started from the same build, in a test running beside it.
     */
    static Path distributionCopyFor(Path folder) {
        return RunAs.standIn(folder, DISTRIBUTION_KIND);
    }

    /**
     * Deletes the copy of the distribution made for the server of this folder (see {@link #create}), if there is one;
     * that server may not be running. {@link RunFolder#deleteStandIns} does it for a platform's server.
     */
    public static void deleteDistributionCopyFor(Path folder) {
        Folders.deleteRecursively(distributionCopyFor(folder));
    }

    /** Writes the configuration, starts the server and waits until the cluster is yellow or green. */
    public void start(Duration timeout) {
        prepare();
        process.startAndAwaitReady(timeout);
    }

    /** Writes the configuration (and on first use the certificate); {@link ManagedProcess#start()} may follow. */
    public void prepare() {
        try {
            Files.createDirectories(folder.getParent());
            runAs.createPrivateDirectory(folder);
            for (String sub : List.of("config", "config/jvm.options.d", "data", "logs", "tmp")) {
                runAs.createPrivateDirectory(folder.resolve(sub));
            }
            copyFromDistribution("jvm.options", "log4j2.properties", "role_mapping.yml");
            write(configFolder().resolve("jvm.options.d/relaybox.options"), String.join("\n",
                    "-Xms512m",
                    "-Xmx512m",
                    // no GC log files: warnings and errors still reach the process log
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr:uptime,level,tags",
                    // the distribution has no analysis-common module, which the .security index needs: copying the
                    // built-in roles into it would fail (with a stack trace) on every cluster change; the file realm
                    // and the reserved roles work without it
                    "-Des.queryable_built_in_roles_enabled=false",
                    ""));
            write(configFolder().resolve("elasticsearch.yml"), configuration());
            ElasticsearchSecurityFiles files = new ElasticsearchSecurityFiles(configFolder(), runAs);
            files.writeUsers(security);
            if (security.tls()) {
                files.ensureCertificate(folder.resolve("http-ca.crt"));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot prepare Elasticsearch in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (SIGTERM: the launcher process stops the node cleanly, then exits). */
    public void stop() {
        process.stop();
    }

    public ManagedProcess process() {
        return process;
    }

    public int port() {
        return port;
    }

    public int transportPort() {
        return transportPort;
    }

    /** The HTTP API, e.g. {@code https://127.0.0.1:9200}. */
    public String url() {
        return (security.tls() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public Security security() {
        return security;
    }

    /** The superuser, when security is on. */
    public Optional<Credentials> credentials() {
        return security.user();
    }

    /** The PEM certificate that clients trust for HTTPS (self-signed, so it is its own CA); empty without TLS. */
    public Optional<Path> caCertificate() {
        return security.tls() ? Optional.of(folder.resolve("http-ca.crt")) : Optional.empty();
    }

    /** The folder in use: the one asked for, or its stand-in under the temporary folder. */
    public Path folder() {
        return folder;
    }

    /** Deletes the server's folder: data, configuration, certificate; the server must be stopped. */
    public void deleteData() {
        if (process.isAlive()) {
            throw new PlatformException("stop Elasticsearch before deleting its data");
        }
        Folders.deleteRecursively(folder);
    }

    private boolean isHealthy() throws IOException {
        HttpResponse<String> response = send(request("/_cluster/health?wait_for_status=yellow&timeout=1s").GET());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new PlatformException("Elasticsearch refuses the platform's user (HTTP " + response.statusCode() + "): " + response.body());
        }
        return response.statusCode() == 200 && response.body().matches("(?s).*\"status\"\\s*:\\s*\"(green|yellow)\".*");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url() + path)).timeout(REQUEST_TIMEOUT);
        security.user().ifPresent(user -> builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user.user() + ":" + user.password()).getBytes(StandardCharsets.UTF_8))));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while calling Elasticsearch", e);
        }
    }

    private synchronized HttpClient http() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            if (security.tls()) {
                SSLContext context = ElasticsearchSecurityFiles.trusting(caCertificate().orElseThrow());
                builder.sslContext(context);
            }
            http = builder.build();
        }
        return http;
    }

    private String configuration() {
        List<String> lines = new ArrayList<>(List.of(
                "cluster.name: relaybox",
                "node.name: relaybox-elasticsearch",
                "path.data: " + folder.resolve("data"),
                "path.logs: " + folder.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + port,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                // a nearly full disk of a developer machine must not turn the indices read-only
                "cluster.routing.allocation.disk.threshold_enabled: false",
                // what the platform never uses costs start time and memory: machine learning and watcher
                "xpack.ml.enabled: false",
                "xpack.watcher.enabled: false",
                "xpack.security.enabled: " + security.user().isPresent()));
        if (security.user().isPresent()) {
            // one node: no transport to protect; the file realm holds the platform's user
            lines.add("xpack.security.transport.ssl.enabled: false");
            lines.add("xpack.security.http.ssl.enabled: " + security.tls());
            if (security.tls()) {
                lines.add("xpack.security.http.ssl.certificate: " + ElasticsearchSecurityFiles.CERTIFICATE);
                lines.add("xpack.security.http.ssl.key: " + ElasticsearchSecurityFiles.KEY);
            }
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private void copyFromDistribution(String... names) throws IOException {
        for (String name : names) {
            Path target = configFolder().resolve(name);
            Files.copy(distribution.resolve("config").resolve(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            runAs.giveTo(target);
        }
    }

    private void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        runAs.giveTo(file);
    }

    private Path configFolder() {
        return folder.resolve("config");
    }
}
