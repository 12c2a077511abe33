package io.relaybox.connect.s3archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.relaybox.connect.support.ConfigReference;

/**
 * Keeps docs/configuration.md generated from the ConfigDef: the test fails when they differ and rewrites the file, so
 * running the tests again (and committing the file) fixes it.
 */
class ConfigReferenceTest {

    @Test
    void configurationReferenceIsGeneratedFromTheConfigDef() throws IOException {
        Path file = Path.of(System.getProperty("config.docs.file", "docs/configuration.md"));
        String expected = ConfigReference.markdown("S3 archive sink: configuration reference", "S3ArchiveSinkConnectorConfig.CONFIG_DEF",
                S3ArchiveSinkConnectorConfig.CONFIG_DEF);
        String actual = Files.exists(file) ? Files.readString(file) : "";
        if (!actual.equals(expected)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        assertThat(actual).as(file + " was out of date and has been regenerated: run the tests again").isEqualTo(expected);
    }
}
