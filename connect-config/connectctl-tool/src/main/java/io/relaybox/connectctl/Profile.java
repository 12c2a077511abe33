package io.relaybox.connectctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where connectors go: the worker's URL and the settings that differ between environments (host names and ports of
 * the databases and services the connectors reach). A profile is a properties file:
 *
 * <pre>
 * connect.url=http://127.0.0.1:18083
 * set.database.hostname=127.0.0.1     # replaces database.hostname in every connector that has it
 * </pre>
 *
 * The bundled profiles are {@code local} (the local platform) and {@code docker} (docker-compose).
 *
 * @param name the profile's name or file
 * @param connectUrl the worker's REST API, when the profile names one
 * @param settings settings replaced in every connector that has them
 */
public record Profile(String name, Optional<URI> connectUrl, Map<String, String> settings) {

    /** The profiles shipped in the jar (from {@code connect-config/profiles}). */
    public static final List<String> BUNDLED = List.of("local", "docker");
    private static final String SET_PREFIX = "set.";

    public Profile {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Loads a bundled profile by name, or a profile file by path.
     *
     * @throws ConnectorFileException for an unknown profile or an unknown key in it
     */
    public static Profile load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try {
                return parse(nameOrFile, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read profile " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream("relaybox/profiles/" + nameOrFile + ".properties")) {
            if (in == null) {
                throw new ConnectorFileException("unknown profile " + nameOrFile + ": use one of " + BUNDLED + " or a profile file");
            }
            return parse(nameOrFile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Profile parse(String name, String text) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<URI> url = Optional.empty();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String value = properties.getProperty(key).strip();
            if (key.equals("connect.url")) {
                try {
                    url = Optional.of(WorkerUrl.parse(value, "profile " + name + ": connect.url"));
                } catch (IllegalArgumentException e) {
                    throw new ConnectorFileException(e.getMessage());
                }
            } else if (key.startsWith(SET_PREFIX) && key.length() > SET_PREFIX.length()) {
                settings.put(key.substring(SET_PREFIX.length()), value);
            } else {
                throw new ConnectorFileException("profile " + name + ": unknown key " + key + " (expected connect.url or set.<setting>)");
            }
        }
        return new Profile(name, url, settings);
    }

    /** The connector with this profile's settings replaced where it has them; settings it lacks are not added. */
    public ConnectorDefinition applyTo(ConnectorDefinition connector) {
        Map<String, String> replaced = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (connector.config().containsKey(key)) {
                replaced.put(key, value);
            }
        });
        return connector.withSettings(replaced);
    }
}
