package io.relaybox.connectctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connector as the Connect REST API takes it: a name and a flat map of string settings. Files hold the
 * body of {@code POST /connectors}: {@code {"name": ..., "config": {...}}}.
 *
 * @param name the connector's name, also its key in the worker
 * @param config its settings, in file order; secrets stay config-provider references such as {@code ${env:NAME}}
 * @param source where it was read from (a file), for messages; {@code connector <name>} when it was made in code
 */
public record ConnectorDefinition(String name, Map<String, String> config, String source) {

    private static final Pattern CONNECTOR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    // a key given twice is a mistake in a connector file, not "the last one wins"
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public ConnectorDefinition {
        Objects.requireNonNull(name, "name");
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        source = source == null ? "connector " + name : source;
    }

    /** A connector made in code. */
    public ConnectorDefinition(String name, Map<String, String> config) {
        this(name, config, null);
    }

    /** Reads a connector file. */
    public static ConnectorDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connector file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a connector file shipped in this module's jar, e.g. {@code orders-outbox-source.json}. */
    public static ConnectorDefinition readBundled(String fileName) {
        String resource = "relaybox/connectors/" + fileName;
        try (InputStream in = ConnectorDefinition.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled connector file " + fileName);
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConnectorDefinition parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConnectorFileException(source + ": malformed JSON" + position + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConnectorFileException(source + ": expected a JSON object {\"name\": ..., \"config\": {...}}");
        }
        JsonNode name = root.get("name");
        JsonNode config = root.get("config");
        if (name == null || !name.isString() || name.asString().isBlank()) {
            throw new ConnectorFileException(source + ": \"name\" is missing or not a string");
        }
        if (!CONNECTOR_NAME.matcher(name.asString()).matches()) {
            throw new ConnectorFileException(source + ": \"name\" must be 1 to 200 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit (no '/', no spaces: it becomes a path of the REST API and part of topic names)");
        }
        if (config == null || !config.isObject()) {
            throw new ConnectorFileException(source + ": \"config\" is missing or not an object");
        }
        JsonNode configName = config.get("name");
        if (configName != null && !configName.asString().equals(name.asString())) {
            throw new ConnectorFileException(source + ": \"config\" names the connector \"" + configName.asString()
                    + "\", not \"" + name.asString() + "\": leave \"name\" out of \"config\" or give the same");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> setting : config.properties()) {
            JsonNode value = setting.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new ConnectorFileException(source + ": setting \"" + setting.getKey() + "\" must be a string, number or boolean");
            }
            settings.put(setting.getKey(), value.asString());
        }
        return new ConnectorDefinition(name.asString(), settings, source);
    }

    /** A copy with some settings replaced or added (e.g. the database host of this environment). */
    public ConnectorDefinition withSettings(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(config);
        merged.putAll(overrides);
        return new ConnectorDefinition(name, merged, source);
    }

    /** A copy with other settings, from the same source. */
    public ConnectorDefinition withConfig(Map<String, String> settings) {
        return new ConnectorDefinition(name, settings, source);
    }

    public String connectorClass() {
        return config.get("connector.class");
    }
}
