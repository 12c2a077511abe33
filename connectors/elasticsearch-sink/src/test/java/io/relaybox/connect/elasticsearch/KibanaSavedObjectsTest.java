package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.relaybox.connect.elasticsearch.client.IndexTemplates;

/**
 * The Kibana saved objects ({@code connect-config/kibana/*.ndjson}) chart only fields that this sink's index templates
 * (the ones it installs, {@link IndexTemplates#bundled}) map, with a type that fits what the chart does with them; and
 * every reference between the objects resolves.
 */
class KibanaSavedObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAVED_OBJECTS = Path.of(System.getProperty("relaybox.home"), "connect-config/kibana/relaybox-saved-objects.ndjson");
    /** A KQL clause {@code field : value}. */
    private static final Pattern KUERY_FIELD = Pattern.compile("([A-Za-z_][\\w.]*)\\s*:");
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float");

    private static final Map<String, JsonNode> objectsById = new LinkedHashMap<>();
    private static final List<JsonNode> templates = new ArrayList<>();

    @BeforeAll
    static void readFiles() throws IOException {
        for (String line : Files.readAllLines(SAVED_OBJECTS)) {
            if (!line.isBlank()) {
                JsonNode object = JSON.readTree(line);
                objectsById.put(object.path("id").asText(), object);
            }
        }
        for (IndexTemplates.IndexTemplate template : java.util.stream.Stream.concat(IndexTemplates.bundled("events-", "orders").stream(),
                IndexTemplates.figures("analytics-").stream()).toList()) {
            templates.add(JSON.readTree(template.body()));
        }
    }

    @Test
    void holdsADataViewPerIndexAndOneDashboard() {
        assertThat(objectsOfType("index-pattern")).extracting(o -> o.path("attributes").path("title").asText())
                .containsExactlyInAnyOrder("events-*", "orders", "analytics-orders-per-minute",
                        "analytics-revenue-per-hour", "analytics-sku-sales-per-hour", "analytics-order-outcomes-per-hour");
        assertThat(objectsOfType("dashboard")).hasSize(1);
    }

    @Test
    void everyReferenceNamesAnObjectOfTheFile() {
        objectsById.values().forEach(object -> object.path("references").forEach(reference -> {
            JsonNode target = objectsById.get(reference.path("id").asText());
            assertThat(target).as("%s refers to %s", object.path("id").asText(), reference).isNotNull();
            assertThat(target.path("type").asText()).as("type of %s", reference).isEqualTo(reference.path("type").asText());
        }));
    }

    @Test
    void everyDashboardPanelHasItsReference() throws IOException {
        for (JsonNode dashboard : objectsOfType("dashboard")) {
            Set<String> referenceNames = new java.util.HashSet<>();
            dashboard.path("references").forEach(r -> referenceNames.add(r.path("name").asText()));
            JsonNode panels = JSON.readTree(dashboard.path("attributes").path("panelsJSON").asText());
            assertThat(panels.size()).isEqualTo(9);
            panels.forEach(panel -> assertThat(referenceNames)
                    .contains(panel.path("panelIndex").asText() + ":" + panel.path("panelRefName").asText()));
        }
    }

    @Test
    void dataViewTimeFieldsAreDatesOfTheirIndexTemplate() {
        for (JsonNode dataView : objectsOfType("index-pattern")) {
            String title = dataView.path("attributes").path("title").asText();
            String timeField = dataView.path("attributes").path("timeFieldName").asText();
            assertThat(typeOf(title, timeField)).as("%s in %s", timeField, title).isEqualTo("date");
        }
    }

    @Test
    void everyFieldAChartUsesIsMappedWithAFittingType() {
        List<JsonNode> charts = objectsOfType("lens");
        assertThat(charts).hasSize(9);
        for (JsonNode chart : charts) {
            String chartId = chart.path("id").asText();
            JsonNode state = chart.path("attributes").path("state");
            Map<String, String> layerIndices = new LinkedHashMap<>();
            chart.path("references").forEach(reference -> {
                String name = reference.path("name").asText();
                if (name.startsWith("indexpattern-datasource-layer-")) {
                    String dataView = reference.path("id").asText();
                    layerIndices.put(name.substring("indexpattern-datasource-layer-".length()),
                            objectsById.get(dataView).path("attributes").path("title").asText());
                }
            });
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            assertThat(names(layers)).as("layers of %s", chartId).isNotEmpty();
            for (String layerId : names(layers)) {
                String index = layerIndices.get(layerId);
                assertThat(index).as("data view of layer %s of %s", layerId, chartId).isNotNull();
                JsonNode columns = layers.path(layerId).path("columns");
                for (String columnId : names(columns)) {
                    JsonNode column = columns.path(columnId);
                    String field = column.path("sourceField").asText();
                    if (field.equals("___records___")) {
                        continue;
                    }
                    String described = chartId + " column " + columnId + " field " + field + " in " + index;
                    String type = typeOf(index, field);
                    assertThat(type).as(described).isNotNull();
                    switch (column.path("operationType").asText()) {
                        case "date_histogram" -> assertThat(type).as(described).isEqualTo("date");
                        case "terms" -> assertThat(type).as(described).isEqualTo("keyword");
                        case "sum", "average", "percentile", "min", "max", "median" ->
                                assertThat(NUMERIC).as(described).contains(type);
                        default -> throw new AssertionError("unchecked operation in " + described + ": " + column);
                    }
                }
                Matcher query = KUERY_FIELD.matcher(state.path("query").path("query").asText());
                while (query.find()) {
                    assertThat(typeOf(index, query.group(1))).as("%s query field %s in %s", chartId, query.group(1), index)
                            .isNotNull();
                }
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> objectsOfType(String type) {
        return objectsById.values().stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    /** The mapped type of a dotted field path in the template whose index patterns cover the index, else null. */
    private static String typeOf(String index, String field) {
        JsonNode template = templates.stream().filter(t -> covers(t.path("index_patterns"), index)).findFirst()
                .orElseThrow(() -> new AssertionError("no index template covers " + index));
        JsonNode mapping = template.path("template").path("mappings");
        for (String part : field.split("\\.")) {
            mapping = mapping.path("properties").path(part);
            if (mapping.isMissingNode()) {
                return null;
            }
        }
        if (mapping.path("enabled").asBoolean(true) == false) {
            return null;
        }
        return mapping.has("type") ? mapping.path("type").asText() : "object";
    }

    private static boolean covers(JsonNode patterns, String index) {
        for (JsonNode pattern : patterns) {
            String regex = Pattern.quote(pattern.asText()).replace("*", "\\E.*\\Q");
            if (index.matches(regex) || index.equals(pattern.asText())) {
                return true;
            }
        }
        return false;
    }
}
