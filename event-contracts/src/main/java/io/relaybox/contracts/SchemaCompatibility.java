package io.relaybox.contracts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.relaybox.contracts.Incompatibility.Rule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * Whether a reader's JSON Schema accepts every payload a writer's schema allows, compared keyword by keyword: types,
 * required fields, properties and the content model ({@code additionalProperties}), {@code enum} and {@code const},
 * bounds, {@code pattern}, {@code format}, array {@code items}. A writer's {@code enum} or {@code const} is checked by
 * validating each of its values against the reader. Annotations ({@code title}, {@code description}, {@code default},
 * ...) never matter; any other keyword ({@code $ref}, {@code oneOf}, ...) must be the same in both, since this check does
 * not reason about it. The result lists every reason the reader would refuse something the writer may send; none means
 * compatible.
 */
public final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description", "default", "examples",
            "deprecated", "readOnly", "writeOnly");
    private static final Set<String> COMPARED = Set.of("type", "required", "properties", "additionalProperties", "enum", "const", "minimum",
            "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
            "maxProperties", "pattern", "format", "items", "uniqueItems", "multipleOf");

    private SchemaCompatibility() {
    }

    /** Every reason why the reader's schema refuses a payload the writer's schema allows; empty when it accepts them all. */
    public static List<Incompatibility> readerAcceptsWriter(JsonNode reader, JsonNode writer) {
        List<Incompatibility> found = new ArrayList<>();
        compare("", reader, writer, found);
        return found;
    }

    private static void compare(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        if (reader.isBoolean() || writer.isBoolean()) {
            compareBooleanSchemas(at, reader, writer, found);
            return;
        }
        if (writer.has("const") || writer.has("enum")) {
            compareWriterValues(at, reader, writer, found);
            return;
        }
        compareTypes(at, reader, writer, found);
        compareEnumOnReaderOnly(at, reader, found);
        compareLowerBound(at, reader, writer, "minimum", "exclusiveMinimum", found);
        compareUpperBound(at, reader, writer, "maximum", "exclusiveMaximum", found);
        for (String minimum : List.of("minLength", "minItems", "minProperties")) {
            compareLowerBound(at, reader, writer, minimum, null, found);
        }
        for (String maximum : List.of("maxLength", "maxItems", "maxProperties")) {
            compareUpperBound(at, reader, writer, maximum, null, found);
        }
        compareMultipleOf(at, reader, writer, found);
        compareSame(at, reader, writer, "pattern", Rule.PATTERN_CHANGED, found);
        compareSame(at, reader, writer, "format", Rule.FORMAT_CHANGED, found);
        if (reader.path("uniqueItems").asBoolean(false) && !writer.path("uniqueItems").asBoolean(false)) {
            found.add(new Incompatibility(at, Rule.UNIQUE_ITEMS_ADDED, "uniqueItems: true"));
        }
        if (reader.has("items")) {
            compare(at + "/items", reader.get("items"), writer.has("items") ? writer.get("items") : BooleanNode.TRUE, found);
        }
        compareObjects(at, reader, writer, found);
        compareUncomparedKeywords(at, reader, writer, found);
    }

    private static void compareBooleanSchemas(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        boolean readerAcceptsAll = reader.isBoolean() ? reader.booleanValue() : isEmptySchema(reader);
        boolean writerAllowsNothing = writer.isBoolean() && !writer.booleanValue();
        if (!readerAcceptsAll && !writerAllowsNothing) {
            found.add(new Incompatibility(at, Rule.TYPE_CHANGED, "the reader's schema " + reader + " refuses what the writer's " + writer + " allows"));
        }
    }

    private static void compareWriterValues(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        List<JsonNode> values = writer.has("const") ? List.of(writer.get("const")) : List.copyOf(writer.get("enum").values());
        for (JsonNode value : values) {
            if (!EventSchemas.accepts(reader, value)) {
                found.add(new Incompatibility(at, Rule.ENUM_VALUE_REMOVED, value + " is no longer allowed"));
            }
        }
    }

    private static void compareTypes(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        if (!reader.has("type")) {
            return;
        }
        Set<String> readerTypes = types(reader);
        if (!writer.has("type")) {
            found.add(new Incompatibility(at, Rule.TYPE_CHANGED, "any type -> " + String.join("|", readerTypes)));
            return;
        }
        Set<String> writerTypes = types(writer);
        for (String type : writerTypes) {
            boolean accepted = readerTypes.contains(type) || ("integer".equals(type) && readerTypes.contains("number"));
            if (!accepted) {
                found.add(new Incompatibility(at, Rule.TYPE_CHANGED, String.join("|", writerTypes) + " -> " + String.join("|", readerTypes)));
                return;
            }
        }
    }

    private static void compareEnumOnReaderOnly(String at, JsonNode reader, List<Incompatibility> found) {
        if (reader.has("enum") || reader.has("const")) {
            found.add(new Incompatibility(at, Rule.ENUM_VALUE_REMOVED,
                    "the reader allows only " + (reader.has("enum") ? reader.get("enum") : reader.get("const")) + ", the writer any value"));
        }
    }

    private static void compareLowerBound(String at, JsonNode reader, JsonNode writer, String inclusive, String exclusive,
            List<Incompatibility> found) {
        compareBound(at, reader, writer, inclusive, exclusive, true, found);
    }

    private static void compareUpperBound(String at, JsonNode reader, JsonNode writer, String inclusive, String exclusive,
            List<Incompatibility> found) {
        compareBound(at, reader, writer, inclusive, exclusive, false, found);
    }

    /** A reader's bound must let through everything within the writer's: lower no higher, upper no lower. */
    private static void compareBound(String at, JsonNode reader, JsonNode writer, String inclusive, String exclusive, boolean lower,
            List<Incompatibility> found) {
        Bound readerBound = Bound.of(reader, inclusive, exclusive);
        if (readerBound == null) {
            return;
        }
        Bound writerBound = Bound.of(writer, inclusive, exclusive);
        int outward = lower ? -1 : 1;
        int order = writerBound == null ? outward : writerBound.value.compareTo(readerBound.value);
        boolean narrowed = Integer.signum(order) == outward || (order == 0 && readerBound.exclusive && !writerBound.exclusive);
        if (narrowed) {
            found.add(new Incompatibility(at, Rule.RANGE_NARROWED, (writerBound == null ? "none" : writerBound) + " -> " + readerBound));
        }
    }

    private static void compareMultipleOf(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        if (!reader.has("multipleOf")) {
            return;
        }
        BigDecimal readerStep = reader.get("multipleOf").decimalValue();
        boolean kept = writer.has("multipleOf") && writer.get("multipleOf").decimalValue().remainder(readerStep).signum() == 0;
        if (!kept) {
            found.add(new Incompatibility(at, Rule.RANGE_NARROWED, "multipleOf " + writer.path("multipleOf") + " -> " + readerStep));
        }
    }

    private static void compareSame(String at, JsonNode reader, JsonNode writer, String keyword, Rule rule, List<Incompatibility> found) {
        if (reader.has(keyword) && !reader.get(keyword).equals(writer.get(keyword))) {
            found.add(new Incompatibility(at, rule, keyword + " " + (writer.has(keyword) ? writer.get(keyword) : "none") + " -> " + reader.get(keyword)));
        }
    }

    private static void compareObjects(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        JsonNode readerProperties = reader.path("properties");
        JsonNode writerProperties = writer.path("properties");
        JsonNode readerAdditional = reader.has("additionalProperties") ? reader.get("additionalProperties") : BooleanNode.TRUE;
        JsonNode writerAdditional = writer.has("additionalProperties") ? writer.get("additionalProperties") : BooleanNode.TRUE;

        Set<String> writerRequired = strings(writer.path("required"));
        for (String field : strings(reader.path("required"))) {
            if (!writerRequired.contains(field) && !readerProperties.path(field).has("default")) {
                found.add(new Incompatibility(at + "/" + field, Rule.REQUIRED_FIELD_ADDED, field + " is required, the writer may leave it out"));
            }
        }
        Set<String> fields = new TreeSet<>(readerProperties.propertyNames());
        fields.addAll(writerProperties.propertyNames());
        for (String field : fields) {
            JsonNode readerField = readerProperties.get(field);
            JsonNode writerField = writerProperties.get(field);
            if (readerField != null && writerField != null) {
                compare(at + "/" + field, readerField, writerField, found);
            } else if (writerField != null) {
                if (isFalse(readerAdditional)) {
                    found.add(new Incompatibility(at + "/" + field, Rule.FIELD_REMOVED, field + " is sent by the writer, unknown to the reader"));
                } else {
                    compare(at + "/" + field, readerAdditional, writerField, found);
                }
            } else if (!isFalse(writerAdditional)) {
                List<Incompatibility> nested = new ArrayList<>();
                compare(at + "/" + field, readerField, writerAdditional, nested);
                if (!nested.isEmpty()) {
                    found.add(new Incompatibility(at + "/" + field, Rule.FIELD_ADDED_TO_OPEN_MODEL,
                            field + " is new, and the writer may send it with any value"));
                }
            }
        }
        if (!isTrue(readerAdditional) && !isFalse(writerAdditional)) {
            List<Incompatibility> nested = new ArrayList<>();
            compare(at + "/*", readerAdditional, writerAdditional, nested);
            if (!nested.isEmpty()) {
                found.add(new Incompatibility(at, Rule.ADDITIONAL_PROPERTIES_NARROWED,
                        "additionalProperties " + writerAdditional + " -> " + readerAdditional));
            }
        }
    }

    private static void compareUncomparedKeywords(String at, JsonNode reader, JsonNode writer, List<Incompatibility> found) {
        Set<String> keywords = new TreeSet<>(reader.propertyNames());
        keywords.addAll(writer.propertyNames());
        for (String keyword : keywords) {
            if (!ANNOTATIONS.contains(keyword) && !COMPARED.contains(keyword) && !reader.path(keyword).equals(writer.path(keyword))) {
                found.add(new Incompatibility(at, Rule.UNCOMPARED_KEYWORD_CHANGED, keyword));
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type.isArray()) {
            type.values().forEach(each -> types.add(each.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.values().forEach(each -> values.add(each.asString()));
        return values;
    }

    private static boolean isEmptySchema(JsonNode schema) {
        return schema.isObject() && schema.propertyNames().stream().allMatch(ANNOTATIONS::contains);
    }

    private static boolean isTrue(JsonNode schema) {
        return (schema.isBoolean() && schema.booleanValue()) || isEmptySchema(schema);
    }

    private static boolean isFalse(JsonNode schema) {
        return schema.isBoolean() && !schema.booleanValue();
    }

    /** A lower or upper bound and whether it is exclusive; the stricter of the two keywords when a schema has both. */
    private record Bound(BigDecimal value, boolean exclusive, String keyword) {

        static Bound of(JsonNode schema, String inclusive, String exclusive) {
            Bound plain = schema.has(inclusive) ? new Bound(schema.get(inclusive).decimalValue(), false, inclusive) : null;
            Bound strict = exclusive != null && schema.has(exclusive) ? new Bound(schema.get(exclusive).decimalValue(), true, exclusive) : null;
            if (plain == null || strict == null) {
                return plain == null ? strict : plain;
            }
            boolean lower = inclusive.startsWith("min");
            int order = strict.value.compareTo(plain.value);
            return (lower ? order >= 0 : order <= 0) ? strict : plain;
        }

        @Override
        public String toString() {
            return keyword + " " + value.toPlainString();
        }
    }
}
