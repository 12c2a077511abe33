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
        deleteStandIns(runFolder, postgresData);
        Folders.deleteRecursively(runFolder);
    }

    /**
     * Deletes what the platform of this run folder kept outside it because the servers' user could not reach it (the
     * PostgreSQL and Elasticsearch data and Elasticsearch's copy of its distribution, under the temporary folder); the run
     * folder itself, with the logs, stays.
     */
    public static void deleteStandIns(Path runFolder, Optional<Path> postgresData) {
        Path root = runFolder.toAbsolutePath().normalize();
        Path data = postgresData.orElseGet(() -> PostgresServer.dataDirectoryFor(root.resolve("postgres/data"), RunAs.detect()));
        if (!data.startsWith(root) && data.getParent().getFileName().toString().startsWith("relaybox-postgres-")) {
            Folders.deleteRecursively(data.getParent());
        }
        Path elasticsearch = ElasticsearchServer.folderFor(root.resolve("elasticsearch"), RunAs.detect());
        if (!elasticsearch.startsWith(root)) {
            Folders.deleteRecursively(elasticsearch);
        }
        ElasticsearchServer.deleteDistributionCopyFor(root.resolve("elasticsearch"));
    }
}
