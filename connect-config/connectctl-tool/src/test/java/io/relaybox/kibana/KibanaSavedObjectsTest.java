package io.relaybox.kibana;

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
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kibana saved objects ({@code kibana/*.ndjson}) chart only fields that the index templates
 * ({@code elasticsearch/index-templates/*.json}) map, with a type that fits what the chart does with them; and every
 * reference between the objects resolves.
 */
class KibanaSavedObjectsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path SAVED_OBJECTS = Path.of("../kibana/relaybox-saved-objects.ndjson");
    private static final Path TEMPLATES = Path.of("../elasticsearch/index-templates");
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
                objectsById.put(object.path("id").asString(), object);
            }
        }
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                templates.add(JSON.readTree(file.toFile()));
            }
        }
    }

    @Test
    void holdsADataViewPerIndexAndOneDashboard() {
        assertThat(objectsOfType("index-pattern")).extracting(o -> o.path("attributes").path("title").asString())
                .containsExactlyInAnyOrder("events-*", "orders");
        assertThat(objectsOfType("dashboard")).hasSize(1);
    }

    @Test
    void everyReferenceNamesAnObjectOfTheFile() {
        objectsById.values().forEach(object -> object.path("references").forEach(reference -> {
            JsonNode target = objectsById.get(reference.path("id").asString());
            assertThat(target).as("%s refers to %s", object.path("id").asString(), reference).isNotNull();
            assertThat(target.path("type").asString()).as("type of %s", reference).isEqualTo(reference.path("type").asString());
        }));
    }

    @Test
    void everyDashboardPanelHasItsReference() {
        for (JsonNode dashboard : objectsOfType("dashboard")) {
            Set<String> referenceNames = new java.util.HashSet<>();
            dashboard.path("references").forEach(r -> referenceNames.add(r.path("name").asString()));
            JsonNode panels = JSON.readTree(dashboard.path("attributes").path("panelsJSON").asString());
            assertThat(panels.size()).isEqualTo(5);
            panels.forEach(panel -> assertThat(referenceNames)
                    .contains(panel.path("panelIndex").asString() + ":" + panel.path("panelRefName").asString()));
        }
    }

    @Test
    void dataViewTimeFieldsAreDatesOfTheirIndexTemplate() {
        for (JsonNode dataView : objectsOfType("index-pattern")) {
            String title = dataView.path("attributes").path("title").asString();
            String timeField = dataView.path("attributes").path("timeFieldName").asString();
            assertThat(typeOf(title, timeField)).as("%s in %s", timeField, title).isEqualTo("date");
        }
    }

    @Test
    void everyFieldAChartUsesIsMappedWithAFittingType() {
        List<JsonNode> charts = objectsOfType("lens");
        assertThat(charts).hasSize(5);
        for (JsonNode chart : charts) {
            String chartId = chart.path("id").asString();
            JsonNode state = chart.path("attributes").path("state");
            Map<String, String> layerIndices = new LinkedHashMap<>();
            chart.path("references").forEach(reference -> {
                String name = reference.path("name").asString();
                if (name.startsWith("indexpattern-datasource-layer-")) {
                    String dataView = reference.path("id").asString();
                    layerIndices.put(name.substring("indexpattern-datasource-layer-".length()),
                            objectsById.get(dataView).path("attributes").path("title").asString());
                }
            });
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            assertThat(layers.propertyNames()).as("layers of %s", chartId).isNotEmpty();
            for (String layerId : layers.propertyNames()) {
                String index = layerIndices.get(layerId);
                assertThat(index).as("data view of layer %s of %s", layerId, chartId).isNotNull();
                JsonNode columns = layers.path(layerId).path("columns");
                for (String columnId : columns.propertyNames()) {
                    JsonNode column = columns.path(columnId);
                    String field = column.path("sourceField").asString();
                    if (field.equals("___records___")) {
                        continue;
                    }
                    String described = chartId + " column " + columnId + " field " + field + " in " + index;
                    String type = typeOf(index, field);
                    assertThat(type).as(described).isNotNull();
                    switch (column.path("operationType").asString()) {
                        case "date_histogram" -> assertThat(type).as(described).isEqualTo("date");
                        case "terms" -> assertThat(type).as(described).isEqualTo("keyword");
                        case "sum", "average", "percentile", "min", "max", "median" ->
                                assertThat(NUMERIC).as(described).contains(type);
                        default -> throw new AssertionError("unchecked operation in " + described + ": " + column);
                    }
                }
                Matcher query = KUERY_FIELD.matcher(state.path("query").path("query").asString());
                while (query.find()) {
                    assertThat(typeOf(index, query.group(1))).as("%s query field %s in %s", chartId, query.group(1), index)
                            .isNotNull();
                }
            }
        }
    }

    private static List<JsonNode> objectsOfType(String type) {
        return objectsById.values().stream().filter(o -> o.path("type").asString().equals(type)).toList();
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
        return mapping.has("type") ? mapping.path("type").asString() : "object";
    }

    private static boolean covers(JsonNode patterns, String index) {
        for (JsonNode pattern : patterns) {
            String regex = Pattern.quote(pattern.asString()).replace("*", "\\E.*\\Q");
            if (index.matches(regex) || index.equals(pattern.asString())) {
                return true;
            }
        }
        return false;
    }
}
