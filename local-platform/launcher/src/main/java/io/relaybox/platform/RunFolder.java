package io.relaybox.platform;

import java.nio.file.Path;
import java.util.Optional;

/** The run folder of a platform: logs, data, generated secrets and the state file. */
public final class RunFolder {

    private RunFolder() {
    }

    /**
     * Deletes the run folder and the PostgreSQL and Elasticsearch data, wherever they were kept.
     *
     * @throws PlatformException while a process of the platform still runs
     */
    public static void purge(Path runFolder, Optional<Path> postgresData) {
        PlatformState.read(runFolder).ifPresent(state -> {
            if (state.processes().stream().anyMatch(PlatformState.Entry::isAlive)) {
                throw new PlatformException("the platform still runs from " + runFolder + ": ./platform down first");
            }
        });
        Path data = postgresData.orElseGet(() -> PostgresServer.dataDirectoryFor(runFolder.resolve("postgres/data"), RunAs.detect()));
        if (!data.startsWith(runFolder) && data.getParent().getFileName().toString().startsWith("relaybox-postgres-")) {
            Folders.deleteRecursively(data.getParent());
        }
        Path elasticsearch = ElasticsearchServer.folderFor(runFolder.resolve("elasticsearch"), RunAs.detect());
        if (!elasticsearch.startsWith(runFolder.toAbsolutePath().normalize())) {
            Folders.deleteRecursively(elasticsearch);
        }
        Folders.deleteRecursively(runFolder);
    }
}
