package io.relaybox.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code config} of a connector JSON file in {@code connect-config/connectors}, as the Connect worker gets it. */
final class ConnectorJson {

    private static final String FOLDER = "connect-config/connectors";

    private ConnectorJson() {
    }

    /** Reads {@code <relaybox.home>/connect-config/connectors/<file>}; without the property, looks upwards from here. */
    static Map<String, String> config(String file) {
        Path path = repositoryRoot().resolve(FOLDER).resolve(file);
        try {
            JsonNode config = JsonMapper.shared().readTree(Files.readString(path)).required("config");
            Map<String, String> values = new LinkedHashMap<>();
            config.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector definition " + path, e);
        }
    }

    private static Path repositoryRoot() {
        String home = System.getProperty("relaybox.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve(FOLDER))) {
                return folder;
            }
        }
        throw new IllegalStateException("no " + FOLDER + " above " + Path.of("").toAbsolutePath()
                + "; set the system property relaybox.home to the repository root");
    }
}
