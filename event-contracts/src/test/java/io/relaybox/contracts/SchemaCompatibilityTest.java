package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.relaybox.contracts.Incompatibility.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pairs of schemas (a reader and a writer, both written as an order-like object) that the check must accept and must
 * refuse, each refusal with the place and the rule.
 */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String ORDER = """
            {"type": "object", "additionalProperties": false, "required": ["orderId", "status", "lines"],
             "properties": {
               "orderId": {"type": "string", "format": "uuid"},
               "customerId": {"type": "string", "minLength": 1, "maxLength": 100},
               "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
               "status": {"enum": ["PENDING", "CONFIRMED"]},
               "lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["quantity"],
                         "properties": {"quantity": {"type": "integer", "minimum": 1, "maximum": 10000}}}},
               "total": {"type": "number", "minimum": 0}}}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the same schema                                 | {}
            an optional field added to a closed object      | {"properties": {"channel": {"enum": ["WEB", "STORE"]}}}
            a required field made optional                  | {"required": ["orderId", "lines"]}
            a required field added with a default           | {"required": ["orderId", "status", "lines", "channel"], "properties": {"channel": {"type": "string", "default": "WEB"}}}
            an enum value added                             | {"properties": {"status": {"enum": ["PENDING", "CONFIRMED", "CANCELLED"]}}}
            a bound widened                                 | {"properties": {"customerId": {"type": "string", "minLength": 1, "maxLength": 200}}}
            an integer widened to a number                  | {"properties": {"lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "number", "minimum": 1}}}}}}
            a null allowed besides the type                 | {"properties": {"total": {"type": ["number", "null"], "minimum": 0}}}
            a description changed                           | {"properties": {"total": {"type": "number", "minimum": 0, "description": "the sum"}}}
            """)
    void acceptsAReaderThatReadsEverythingTheWriterSends(String change, String readerChange) {
        assertThat(SchemaCompatibility.readerAcceptsWriter(changed(readerChange), tree(ORDER))).as(change).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a type changed                        | {"properties": {"total": {"type": "string"}}}                                        | /total                  | TYPE_CHANGED
            a number narrowed to an integer       | {"properties": {"total": {"type": "integer", "minimum": 0}}}                         | /total                  | TYPE_CHANGED
            a required field added                | {"required": ["orderId", "status", "lines", "channel"], "properties": {"channel": {"type": "string"}}} | /channel | REQUIRED_FIELD_ADDED
            a field removed from a closed object  | {"properties": {"total": null}}                                                      | /total                  | FIELD_REMOVED
            an enum value removed                 | {"properties": {"status": {"enum": ["PENDING"]}}}                                    | /status                 | ENUM_VALUE_REMOVED
            an enum put on a free field           | {"properties": {"customerId": {"enum": ["a", "b"]}}}                                 | /customerId             | ENUM_VALUE_REMOVED
            a maximum lowered                     | {"properties": {"customerId": {"type": "string", "minLength": 1, "maxLength": 50}}}  | /customerId             | RANGE_NARROWED
            an exclusive minimum added            | {"properties": {"total": {"type": "number", "exclusiveMinimum": 0}}}                 | /total                  | RANGE_NARROWED
            a pattern changed                     | {"properties": {"currency": {"type": "string", "pattern": "^[A-Z]{2}$"}}}            | /currency               | PATTERN_CHANGED
            a format added                        | {"properties": {"customerId": {"type": "string", "minLength": 1, "maxLength": 100, "format": "email"}}} | /customerId | FORMAT_CHANGED
            a nested type changed                 | {"properties": {"lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "string"}}}}}} | /lines/items/quantity | TYPE_CHANGED
            a nested object closed                | {"properties": {"lines": {"type": "array", "minItems": 1, "items": {"type": "object", "additionalProperties": false, "required": ["quantity"], "properties": {"quantity": {"type": "integer", "minimum": 1, "maximum": 10000}}}}}} | /lines/items | ADDITIONAL_PROPERTIES_NARROWED
            a field added where any was allowed   | {"properties": {"lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "integer", "minimum": 1, "maximum": 10000}, "sku": {"type": "string"}}}}}} | /lines/items/sku | FIELD_ADDED_TO_OPEN_MODEL
            items made unique                     | {"properties": {"lines": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "object", "required": ["quantity"], "properties": {"quantity": {"type": "integer", "minimum": 1, "maximum": 10000}}}}}} | /lines | UNIQUE_ITEMS_ADDED
            a keyword the check does not know     | {"properties": {"total": {"oneOf": [{"type": "number"}, {"type": "string"}]}}}       | /total                  | UNCOMPARED_KEYWORD_CHANGED
            """)
    void refusesAReaderThatRefusesSomethingTheWriterSends(String change, String readerChange, String location, Rule rule) {
        List<Incompatibility> found = SchemaCompatibility.readerAcceptsWriter(changed(readerChange), tree(ORDER));

        assertThat(found).as(change).extracting(Incompatibility::location, Incompatibility::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(location, rule));
    }

    @Test
    void checksAWritersConstantsAndEnumValuesAgainstTheReader() {
        JsonNode writer = tree("{\"properties\": {\"status\": {\"const\": \"PENDING\"}}}");

        assertThat(SchemaCompatibility.readerAcceptsWriter(tree("{\"properties\": {\"status\": {\"type\": \"string\", \"minLength\": 1}}}"), writer))
                .isEmpty();
        assertThat(SchemaCompatibility.readerAcceptsWriter(tree("{\"properties\": {\"status\": {\"const\": \"CONFIRMED\"}}}"), writer))
                .extracting(Incompatibility::toString).containsExactly("/status: a value the writer may send is not allowed by the reader "
                        + "(\"PENDING\" is no longer allowed)");
    }

    /** The order schema with the given top-level keywords and properties replaced; a property set to null is removed. */
    private static JsonNode changed(String change) {
        var schema = (tools.jackson.databind.node.ObjectNode) tree(ORDER);
        JsonNode changes = tree(change);
        for (var keyword : changes.properties()) {
            if (!"properties".equals(keyword.getKey())) {
                schema.set(keyword.getKey(), keyword.getValue());
            }
        }
        var properties = (tools.jackson.databind.node.ObjectNode) schema.get("properties");
        for (var property : changes.path("properties").properties()) {
            if (property.getValue().isNull()) {
                properties.remove(property.getKey());
            } else {
                properties.set(property.getKey(), property.getValue());
            }
        }
        return schema;
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
