package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL cluster made with the installed server binaries: its own data folder, its own port on
 * loopback, {@code wal_level=logical}, TCP only, run as an unprivileged user when the launcher is root.
 */
public final class PostgresServer {

    public static final String SUPERUSER = PostgresEndpoint.SUPERUSER;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final PostgresInstallation installation;
    private final RunAs runAs;
    private final Path dataDirectory;
    private final int port;
    private final String superuserPassword;
    private final PostgresEndpoint endpoint;
    private final ManagedProcess process;

    private PostgresServer(PostgresInstallation installation, RunAs runAs, Path dataDirectory, int port, Path logFile,
            String superuserPassword) {
        this.installation = installation;
        this.runAs = runAs;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.endpoint = new PostgresEndpoint("127.0.0.1", port, superuserPassword);
        this.process = new ManagedProcess(new ProcessSpec("postgres", runAs.wrap(serverCommand()), Map.of(),
                this.dataDirectory.getParent(), logFile, StopSignal.INT, STOP_TIMEOUT, "postgresql://127.0.0.1:" + port),
                endpoint::acceptsConnections);
    }

    /**
     * Describes a cluster; nothing is created or started until {@link #start(Duration)}.
     *
     * @param dataDirectory the cluster's data folder, created by {@code initdb} when it does not exist yet; when
     *        the server's user cannot reach it (a private home folder, say) a folder under the system's temporary
     *        folder, named after it, is used instead: see {@link #dataDirectory()}
     * @param superuserPassword the password of the {@code postgres} superuser, set when the cluster is created
     */
    public static PostgresServer create(Path dataDirectory, int port, Path logFile, String superuserPassword) {
        RunAs runAs = RunAs.detect();
        return new PostgresServer(PostgresInstallation.locate(), runAs, dataDirectoryFor(dataDirectory, runAs), port, logFile,
                superuserPassword);
    }

    /** The data folder used for the one asked for: itself, or its stand-in when the server's user cannot reach it. */
    static Path dataDirectoryFor(Path dataDirectory, RunAs runAs) {
        return runAs.canReach(dataDirectory) ? dataDirectory.toAbsolutePath() : RunAs.standIn(dataDirectory, "postgres").resolve("pgdata");
    }

    /**
     * Settings of {@link #settings()} that the local server gets in {@code postgresql.auto.conf} on first start instead of
     * on its command line, which would override {@code ALTER SYSTEM}: an operator (or a test) may change them with
     * {@code ALTER SYSTEM SET ...; SELECT pg_reload_conf();}.
     */
    static final List<String> CHANGEABLE_SETTINGS = List.of("max_slot_wal_keep_size");

    /**
     * Creates the cluster on first use, starts the server and waits until it accepts connections; on first start writes
     * the {@link #CHANGEABLE_SETTINGS} with {@code ALTER SYSTEM}.
     */
    public void start(Duration timeout) {
        initializeIfNeeded();
        process.startAndAwaitReady(timeout);
        applyChangeableSettings();
    }

    /** The name of a {@code name=value} setting. */
    private static String settingName(String setting) {
        return setting.substring(0, setting.indexOf('='));
    }

    /** Sets each changeable setting that no configuration file sets yet, and reloads the configuration. */
    private void applyChangeableSettings() {
        try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
            boolean changed = false;
            for (String setting : settings()) {
                String name = settingName(setting);
                if (!CHANGEABLE_SETTINGS.contains(name)) {
                    continue;
                }
                try (ResultSet source = statement.executeQuery("SELECT source FROM pg_settings WHERE name = '" + name + "'")) {
                    if (source.next() && "default".equals(source.getString(1))) {
                        statement.execute("ALTER SYSTEM SET " + name + " = '" + setting.substring(name.length() + 1) + "'");
                        changed = true;
                    }
                }
            }
            if (changed) {
                statement.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot apply the PostgreSQL settings " + CHANGEABLE_SETTINGS + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server with a fast shutdown (open sessions are rolled back, replication connections closed). */
    public void stop() {
        process.stop();
    }

    public ManagedProcess process() {
        return process;
    }

    public int port() {
        return port;
    }

    /** The data folder in use: the one asked for, or its stand-in under the temporary folder. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Deletes the data folder (and its stand-in parent); the server must be stopped. */
    public void deleteData() {
        if (process.isAlive()) {
            throw new PlatformException("stop PostgreSQL before deleting its data");
        }
        Path target = dataDirectory.getParent().getFileName().toString().startsWith("relaybox-postgres-")
                ? dataDirectory.getParent() : dataDirectory;
        Folders.deleteRecursively(target);
    }

    /** Where clients reach the server and how its superuser logs in. */
    public PostgresEndpoint endpoint() {
        return endpoint;
    }

    public String jdbcUrl(String database) {
        return endpoint.jdbcUrl(database);
    }

    /** A new connection as the superuser; the caller closes it. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return endpoint.connectAsSuperuser(database);
    }

    /** Creates the login role, or resets its password when it exists. */
    public void ensureRole(String role, String password, boolean replication) {
        endpoint.ensureRole(role, password, replication);
    }

    /** Creates the database owned by the role unless it exists. */
    public void ensureDatabase(String database, String owner) {
        endpoint.ensureDatabase(database, owner);
    }

    /** Runs SQL as the superuser in the database. */
    public void execute(String database, String sql) {
        endpoint.execute(database, sql);
    }

    /**
     * The settings of every PostgreSQL the project runs, a process here or a container elsewhere, apart from where it
     * listens: logical decoding for Debezium, room for its slots and senders, the WAL an abandoned slot may pin.
     */
    public static List<String> settings() {
        return List.of(
                "wal_level=logical",
                "max_wal_senders=20",
                "max_replication_slots=20",
                // an abandoned slot may pin at most this much WAL; after that PostgreSQL invalidates it
                "max_slot_wal_keep_size=2GB",
                "max_connections=300",
                "shared_buffers=256MB",
                "log_min_messages=warning",
                "log_connections=off");
    }

    private void initializeIfNeeded() {
        if (Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            return;
        }
        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".pwfile");
        try {
            Files.createDirectories(dataDirectory.getParent());
            runAs.createPrivateDirectory(dataDirectory);
            Files.writeString(passwordFile, superuserPassword + "\n");
            Files.setPosixFilePermissions(passwordFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            runAs.giveTo(passwordFile);
            List<String> initdb = List.of(installation.initdb().toString(), "-D", dataDirectory.toString(),
                    "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=peer",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions");
            runToCompletion(runAs.wrap(initdb), process.spec().logFile());
        } catch (IOException e) {
            throw new PlatformException("cannot create the PostgreSQL data folder " + dataDirectory + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // best effort: the file is private to the server's user
            }
        }
    }

    private List<String> serverCommand() {
        List<String> command = new ArrayList<>();
        command.add(installation.postgres().toString());
        command.addAll(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port)));
        List<String> settings = new ArrayList<>(List.of("listen_addresses=127.0.0.1", "unix_socket_directories="));
        settings().stream().filter(setting -> !CHANGEABLE_SETTINGS.contains(settingName(setting)))
                .forEach(settings::add);
        for (String setting : settings) {
            command.add("-c");
            command.add(setting);
        }
        return command;
    }

    private static void runToCompletion(List<String> command, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        Process run = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new PlatformException("initdb failed; " + LogTail.of(logFile, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while creating the PostgreSQL cluster", e);
        }
    }
}
