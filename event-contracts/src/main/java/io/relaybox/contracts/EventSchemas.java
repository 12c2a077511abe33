package io.relaybox.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of the events, read from {@code schemas/<EventType>/v<N>.json} on the class path, and the validation
 * of a payload against one. Formats ({@code uuid}, {@code date-time}) are asserted, not only annotated.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The class path resource of a schema, e.g. {@code schemas/OrderPlaced/v1.json}. */
    public static String resource(String typeName, int version) {
        return "schemas/" + typeName + "/v" + version + ".json";
    }

    /** Whether there is a schema for the type and version. */
    public static boolean exists(String typeName, int version) {
        return EventSchemas.class.getClassLoader().getResource(resource(typeName, version)) != null;
    }

    /**
     * What is wrong with the payload for its type and version, one line per violation naming the place in the payload
     * ({@code /lines/0/quantity: ...}); empty when it is valid.
     *
     * @throws IllegalArgumentException when there is no schema for the type and version
     */
    public static List<String> violations(String typeName, int version, JsonNode payload) {
        return schema(typeName, version).validate(payload).stream()
                .map(error -> (error.getInstanceLocation() == null ? "" : error.getInstanceLocation() + ": ") + error.getMessage())
                .toList();
    }

    private static Schema schema(String typeName, int version) {
        return LOADED.computeIfAbsent(resource(typeName, version), resource -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no schema for " + typeName + " v" + version + " (" + resource + ")");
                }
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        });
    }
}
