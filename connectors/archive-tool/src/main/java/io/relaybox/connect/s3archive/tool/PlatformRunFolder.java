package io.relaybox.connect.s3archive.tool;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's run folder ({@code .relaybox/}) as the archive tool reads it: the archive's bucket, prefix and
 * access key (fixed by the platform), the secret key it generated ({@code secrets.properties}) and, while the platform
 * runs, where S3 and Kafka listen ({@code platform.json}).
 */
record PlatformRunFolder(Path folder) {

    static final String BUCKET = "relaybox-archive";
    static final String PREFIX = "events";
    static final String ACCESS_KEY = "relaybox";
    static final String SECRET_KEY = "s3." + ACCESS_KEY;
    private static final Path DEFAULT = Path.of(".relaybox");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The folder named by {@code --run-folder}, else {@code $RELAYBOX_RUN_FOLDER}, else {@code ./.relaybox} when it exists. */
    static Optional<PlatformRunFolder> find(Path option, Map<String, String> environment) {
        if (option != null) {
            return Optional.of(new PlatformRunFolder(option));
        }
        String variable = environment.get("RELAYBOX_RUN_FOLDER");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new PlatformRunFolder(Path.of(variable)));
        }
        return Files.isDirectory(DEFAULT) ? Optional.of(new PlatformRunFolder(DEFAULT)) : Optional.empty();
    }

    /** The archive's secret key, generated at the platform's first start. */
    Optional<String> secretKey() {
        Path file = folder.resolve("secrets.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(secrets.getProperty(SECRET_KEY));
    }

    /** The S3 endpoint of the running platform. */
    Optional<String> s3Endpoint() {
        return endpoint("s3");
    }

    /** The Kafka bootstrap servers of the running platform. */
    Optional<String> kafka() {
        return endpoint("kafka");
    }

    private Optional<String> endpoint(String name) {
        Path file = folder.resolve("platform.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode value = JSON.readTree(file.toFile()).path("endpoints").path(name);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
