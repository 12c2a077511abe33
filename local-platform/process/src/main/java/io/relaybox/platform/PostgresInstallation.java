package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the installed PostgreSQL server binaries ({@code initdb}, {@code postgres}) are. */
public record PostgresInstallation(Path binDirectory) {

    static final String ENV_BIN = "RELAYBOX_PG_BIN";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    /**
     * Finds the binaries: {@code $RELAYBOX_PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}
     * (Debian, Ubuntu), else the folder of {@code initdb} on the PATH.
     *
     * @throws PlatformException saying how to install them when there are none
     */
    public static PostgresInstallation locate() {
        String configured = System.getenv(ENV_BIN);
        if (configured != null && !configured.isBlank()) {
            PostgresInstallation installation = new PostgresInstallation(Path.of(configured));
            if (!installation.isComplete()) {
                throw new PlatformException(ENV_BIN + "=" + configured + " holds no initdb and postgres binaries");
            }
            return installation;
        }
        return debianInstallation().or(PostgresInstallation::onPath).orElseThrow(() -> new PlatformException(
                "PostgreSQL server binaries (initdb, postgres) were not found. Install PostgreSQL 14 or newer:\n"
                        + "    Debian/Ubuntu: sudo apt-get install postgresql\n"
                        + "    Fedora/RHEL:   sudo dnf install postgresql-server\n"
                        + "    macOS:         brew install postgresql@15\n"
                        + "or set " + ENV_BIN + " to the folder that holds initdb and postgres."));
    }

    public Path initdb() {
        return binDirectory.resolve("initdb");
    }

    public Path postgres() {
        return binDirectory.resolve("postgres");
    }

    boolean isComplete() {
        return Files.isExecutable(initdb()) && Files.isExecutable(postgres());
    }

    private static Optional<PostgresInstallation> debianInstallation() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(v -> new PostgresInstallation(v.resolve("bin")))
                    .filter(PostgresInstallation::isComplete)
                    .max(Comparator.comparingInt(PostgresInstallation::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<PostgresInstallation> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .map(dir -> new PostgresInstallation(Path.of(dir)))
                .filter(PostgresInstallation::isComplete)
                .findFirst();
    }

    private int majorVersion() {
        try {
            return Integer.parseInt(binDirectory.getParent().getFileName().toString());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
