package io.relaybox.platform;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL exporter (Debian's {@code prometheus-postgres-exporter}) as a process: the server's statistics and,
 * by the queries of {@code connect-config/monitoring/postgres/queries.yml}, each replication slot's retained and
 * unconfirmed WAL, at {@code http://127.0.0.1:<port>/metrics}. It logs in as a role of its own with {@code pg_monitor}
 * only; its password reaches it in its environment ({@code DATA_SOURCE_NAME}), never on its command line.
 */
public final class PostgresExporter {

    /** The role the exporter logs in as. */
    public static final String ROLE = "relaybox_monitor";
    /** Where Debian installs it. */
    static final List<Path> BINARIES = List.of(Path.of("/usr/bin/prometheus-postgres-exporter"),
            Path.of("/usr/local/bin/postgres_exporter"));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path folder;
    private final MetricsEndpoint endpoint;
    private final ManagedProcess process;

    /**
     * @param binary the exporter ({@link #installed()})
     * @param folder its working folder
     * @param port its HTTP port on 127.0.0.1
     * @param postgresPort the server it watches, on 127.0.0.1
     * @param password the password of {@link #ROLE}
     * @param queries its extra queries ({@code connect-config/monitoring/postgres/queries.yml})
     * @param logFile where its output goes
     */
    public PostgresExporter(Path binary, Path folder, int port, int postgresPort, String password, Path queries, Path logFile) {
        this.folder = folder.toAbsolutePath();
        this.endpoint = new MetricsEndpoint(port);
        List<String> command = List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--extend.query-path=" + queries.toAbsolutePath(), "--disable-settings-metrics", "--log.level=warn");
        String dataSource = "postgresql://" + ROLE + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:"
                + postgresPort + "/postgres?sslmode=disable";
        this.process = new ManagedProcess(new ProcessSpec("postgres-exporter", command, Map.of("DATA_SOURCE_NAME", dataSource),
                this.folder, logFile, StopSignal.TERM, STOP_TIMEOUT, endpoint.url()), endpoint);
    }

    /** The exporter's binary, when it is installed ({@code apt-get install prometheus-postgres-exporter}). */
    public static Optional<Path> installed() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Creates the role the exporter logs in as (with {@code pg_monitor}) and its working folder. */
    public void prepare(PostgresServer postgres, String password) {
        postgres.ensureRole(ROLE, password, false);
        postgres.execute("postgres", "GRANT pg_monitor TO " + ROLE);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PlatformException("cannot create the PostgreSQL exporter's folder " + folder + ": " + e.getMessage(), e);
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
