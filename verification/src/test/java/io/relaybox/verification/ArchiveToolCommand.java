package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.relaybox.verification.audit.SinkEndpoints;

/**
 * The archive tool as a user runs it ({@code java -jar connectors/archive-tool/target/archive-tool.jar}), pointed at
 * the platform's archive, with the secret key in the environment.
 */
final class ArchiveToolCommand {

    /** What a run printed and how it ended. */
    record Run(int exitStatus, String output) {
    }

    private final Path jar;
    private final SinkEndpoints sinks;

    ArchiveToolCommand(Path home, SinkEndpoints sinks) {
        this.jar = home.resolve("connectors/archive-tool/target/archive-tool.jar");
        assertThat(jar).as("the archive tool, built by mvn package").exists();
        this.sinks = sinks;
    }

    /** Runs a command ({@code list}, {@code verify}, {@code replay}) with the archive's options and these arguments. */
    Run run(String command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), command, "--bucket", sinks.archiveBucket(), "--endpoint", sinks.s3Endpoint(),
                "--access-key", sinks.s3AccessKey(), "--prefix", sinks.archivePrefix()));
        line.addAll(List.of(arguments));
        Path output = Files.createTempFile("archive-tool", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("AWS_SECRET_ACCESS_KEY", sinks.s3SecretKey());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the archive tool did not finish in 3 minutes: " + line);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            System.out.print("archive " + command + ": " + printed);
            return new Run(process.exitValue(), printed);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
