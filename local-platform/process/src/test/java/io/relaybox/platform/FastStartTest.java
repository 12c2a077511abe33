package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastStartTest {

    @TempDir
    Path target;

    @Test
    void isLookedForInTheCdsFolderBesideTheExecutableJar() {
        FastStart fastStart = FastStart.beside(target.resolve("order-monolith.jar"));

        assertThat(fastStart.extractedJar()).isEqualTo(target.resolve("cds/order-monolith.jar"));
        assertThat(fastStart.archive()).isEqualTo(target.resolve("cds/application.jsa"));
    }

    @Test
    void isAvailableOnlyWhenTheBuildMadeBothTheExtractedJarAndItsArchive() throws Exception {
        FastStart fastStart = FastStart.beside(target.resolve("payment-service.jar"));
        assertThat(fastStart.available()).isFalse();

        Files.createDirectories(target.resolve("cds"));
        Files.writeString(target.resolve("cds/payment-service.jar"), "jar");
        assertThat(fastStart.available()).as("an extracted jar without its archive").isFalse();

        Files.writeString(target.resolve("cds/application.jsa"), "archive");
        assertThat(fastStart.available()).isTrue();
    }

    @Test
    void startsTheExtractedJarWithTheArchiveAndTheServicesArguments() {
        FastStart fastStart = FastStart.beside(target.resolve("inventory-service.jar"));

        List<String> command = fastStart.command(JavaCommand.java().heap("384m"), List.of("--server.port=18081"));

        assertThat(command).containsSubsequence("-Xmx384m", "-XX:SharedArchiveFile=" + target.resolve("cds/application.jsa"), "-jar",
                target.resolve("cds/inventory-service.jar").toString(), "--server.port=18081");
    }
}
