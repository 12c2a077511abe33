package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path runFolder;

    @Test
    void generatesAPasswordOnceAndKeepsItForTheNextStart() {
        String first = Secrets.in(runFolder).password("postgres");

        assertThat(first).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Secrets.in(runFolder).password("postgres")).isEqualTo(first);
        assertThat(Secrets.in(runFolder).password("orders_app")).isNotEqualTo(first);
    }

    @Test
    void keepsTheFileReadableOnlyByItsOwner() throws Exception {
        Secrets.in(runFolder).password("postgres");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runFolder.resolve("secrets.properties"))))
                .isEqualTo("rw-------");
    }
}
