package io.relaybox.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of the events, read from {@code schemas/<EventType>/v<N>.json} on the class path, and the validation
 * of a payload against one. Formats ({@code uuid}, {@code date-time}) are asserted, not only annotated.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    /** Each schema read once, and a missing one remembered as missing: the outbox asks on every event it writes. */
    private static final Map<String, Optional<Schema>> LOADED = new ConcurrentHashMap<>();

    private static final JsonMapper TREES = JsonMapper.shared();

    private EventSchemas() {
    }

    /** The class path resource of a schema, e.g. {@code schemas/OrderPlaced/v1.json}. */
    public static String resource(String typeName, int version) {
        return "schemas/" + typeName + "/v" + version + ".json";
    }

    /** Whether there is a schema for the type and version. */
    public static boolean exists(String typeName, int version) {
        return loaded(typeName, version).isPresent();
    }

    /**
     * What is wrong with the payload for its type and version, one line per violation naming the place in the payload
     * ({@code /lines/0/quantity: ...}); empty when it is valid.
     *
     * @throws IllegalArgumentException when there is no schema for the type and version
     */
    public static List<String> violations(String typeName, int version, JsonNode payload) {
        return schema(typeName, version).validate(payload).stream()
                .map(error -> place(error.getInstanceLocation()) + ": " + error.getMessage())
                .toList();
    }

    /** A JSON pointer into the payload; {@code /} for the payload itself. */
    private static String place(Object instanceLocation) {
        String place = instanceLocation == null ? "" : instanceLocation.toString();
        return place.isEmpty() ? "/" : place;
    }

    /** The versions of an event type that have a schema: 1, 2, ... up to the first one missing. */
    public static List<Integer> versions(String typeName) {
        List<Integer> versions = new java.util.ArrayList<>();
        for (int version = 1; exists(typeName, version); version++) {
            versions.add(version);
        }
        return List.copyOf(versions);
    }

    /** The schema of a type and version as a JSON tree, to compare versions with each other. */
    public static JsonNode tree(String typeName, int version) {
        String resource = resource(typeName, version);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema for " + typeName + " v" + version + " (" + resource + ")");
            }
            return TREES.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Whether a value is valid against a schema given as a tree (a part of an event's schema). */
    static boolean accepts(JsonNode schema, JsonNode value) {
        return REGISTRY.getSchema(schema).validate(value).isEmpty();
    }

    private static Schema schema(String typeName, int version) {
        return loaded(typeName, version).orElseThrow(() -> new IllegalArgumentException(
                "no schema for " + typeName + " v" + version + " (" + resource(typeName, version) + ")"));
    }

    private static Optional<Schema> loaded(String typeName, int version) {
        return LOADED.computeIfAbsent(resource(typeName, version), resource -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(REGISTRY.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
    }
}
