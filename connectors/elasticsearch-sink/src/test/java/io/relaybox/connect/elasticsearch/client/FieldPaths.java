package io.relaybox.connect.elasticsearch.client;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dotted paths of the leaf fields of an Elasticsearch mapping and of a JSON Schema, in the same spelling so that
 * they can be compared: an array's items add no step to the path ({@code lines.sku}), as Elasticsearch indexes an
 * array of objects under the objects' own field names.
 */
final class FieldPaths {

    private static final String[] COMBINATORS = {"allOf", "anyOf", "oneOf"};

    private FieldPaths() {
    }

    /**
     * The leaf fields of a mapping's {@code properties}: a field with {@code properties} of its own (an object) is a
     * step, any other (a typed field, or an object that is not indexed) a leaf.
     */
    static Set<String> ofMapping(JsonNode properties) {
        Set<String> paths = new TreeSet<>();
        addMapped(properties, "", paths);
        return paths;
    }

    /**
     * The fields a JSON Schema defines, leaves and objects alike: its {@code properties}, with those of nested objects,
     * of array {@code items} and of the parts of {@code allOf}, {@code anyOf} and {@code oneOf}.
     */
    static Set<String> ofSchema(JsonNode schema) {
        Set<String> paths = new TreeSet<>();
        addDefined(schema, "", paths);
        return paths;
    }

    private static void addMapped(JsonNode properties, String prefix, Set<String> paths) {
        properties.properties().forEach(field -> {
            String path = prefix + field.getKey();
            JsonNode nested = field.getValue().get("properties");
            if (nested != null) {
                addMapped(nested, path + ".", paths);
            } else {
                paths.add(path);
            }
        });
    }

    private static void addDefined(JsonNode schema, String prefix, Set<String> paths) {
        schema.path("properties").properties().forEach(property -> {
            String path = prefix + property.getKey();
            paths.add(path);
            addDefined(property.getValue(), path + ".", paths);
        });
        if (schema.path("items").isObject()) {
            addDefined(schema.get("items"), prefix, paths);
        }
        for (String combinator : COMBINATORS) {
            schema.path(combinator).forEach(part -> addDefined(part, prefix, paths));
        }
    }
}
