package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A clone in a folder only its owner may enter (mode 700, as {@code mktemp -d} and root's home make them) runs the
 * servers that refuse root, PostgreSQL and Elasticsearch, as another user who cannot enter it; the folder stays private,
 * and purging removes what was kept elsewhere for them.
 */
class PrivateFolderIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @Test
    void runsPostgresAndElasticsearchFromAFolderOnlyItsOwnerMayEnter() throws Exception {
        RunAs runAs = RunAs.detect();
        assumeTrue(runAs.switchesUser(), "the servers run as another user only when the launcher is root; as "
                + System.getProperty("user.name") + " they read whatever the launcher reads, so a private folder cannot stop them");
        Path clone = Path.of("target", "private-clone-" + ProcessHandle.current().pid()).toAbsolutePath();
        Folders.deleteRecursively(clone);
        Files.createDirectories(clone, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // the distribution as a clone holds it: inside the private folder
        Path distribution = Files.createSymbolicLink(clone.resolve("elasticsearch"), PlatformLayout.detect().elasticsearchHome());
        Path run = clone.resolve(".relaybox");
        assertThat(runAs.canReach(run)).isFalse();

        PostgresServer postgres = PostgresServer.create(run.resolve("postgres/data"), FreePort.any(), run.resolve("postgres.log"), "pw-1");
        ElasticsearchServer elasticsearch = ElasticsearchServer.create(distribution, run.resolve("elasticsearch"), FreePort.any(),
                FreePort.any(), run.resolve("elasticsearch.log"), ElasticsearchServer.Security.disabled());
        try {
            postgres.start(START_TIMEOUT);
            elasticsearch.start(START_TIMEOUT);

            postgres.execute("postgres", "CREATE TABLE reached (id int)");
            assertThat(status(elasticsearch.url() + "/_cluster/health")).isEqualTo(200);
        } finally {
            elasticsearch.stop();
            postgres.stop();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(clone))).isEqualTo("rwx------");
        assertThat(postgres.dataDirectory().startsWith(clone)).as("PostgreSQL data in %s", postgres.dataDirectory()).isFalse();
        assertThat(elasticsearch.folder().startsWith(clone)).as("Elasticsearch folder %s", elasticsearch.folder()).isFalse();
        Path distributionCopy = ElasticsearchServer.distributionCopyFor(run.resolve("elasticsearch"));
        assertThat(distributionCopy.resolve("bin/elasticsearch")).exists();

        RunFolder.purge(run, Optional.of(postgres.dataDirectory()));

        assertThat(postgres.dataDirectory().getParent()).doesNotExist();
        assertThat(elasticsearch.folder()).doesNotExist();
        assertThat(distributionCopy).doesNotExist();
        Folders.deleteRecursively(clone);
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
