package io.relaybox.connectctl.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local platform's run folder ({@code .relaybox/}) as connectctl reads it: the REST API password the platform
 * generated ({@code secrets.properties}, key {@code connect.relaybox}, user {@code relaybox}) and, while the platform
 * runs, the worker's URL ({@code platform.json}, {@code endpoints.connect}).
 */
record RunFolder(Path folder) {

    static final String USER = "relaybox";
    static final String PASSWORD_KEY = "connect." + USER;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Optional<Credentials> credentials() {
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
        return Optional.ofNullable(secrets.getProperty(PASSWORD_KEY)).map(password -> new Credentials(USER, password, file.toString()));
    }

    Optional<URI> connectUrl() {
        Path file = folder.resolve("platform.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode url = JSON.readTree(file.toFile()).path("endpoints").path("connect");
            return url.isString() ? Optional.of(URI.create(url.asString())) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
