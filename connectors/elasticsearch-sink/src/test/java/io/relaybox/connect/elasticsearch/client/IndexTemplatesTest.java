package io.relaybox.connect.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IndexTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundlesTheEventsAndTheOrdersTemplate() throws Exception {
        List<IndexTemplates.IndexTemplate> bundled = IndexTemplates.bundled("events-", "orders");

        assertThat(bundled).extracting(IndexTemplates.IndexTemplate::name).containsExactly("relaybox-events", "relaybox-orders");
        assertThat(JSON.readTree(bundled.get(0).body()).path("index_patterns").toString()).isEqualTo("[\"events-*\"]");
        assertThat(JSON.readTree(bundled.get(1).body()).path("index_patterns").toString()).isEqualTo("[\"orders\"]");
    }

    @Test
    void followsOtherIndexNamesWithOwnTemplateNames() throws Exception {
        List<IndexTemplates.IndexTemplate> templates = IndexTemplates.bundled("it-events-", "it-orders");

        assertThat(templates).extracting(IndexTemplates.IndexTemplate::name)
                .containsExactly("relaybox-events-it-events", "relaybox-orders-it-orders");
        assertThat(JSON.readTree(templates.get(0).body()).path("index_patterns").toString()).isEqualTo("[\"it-events-*\"]");
        assertThat(JSON.readTree(templates.get(1).body()).path("index_patterns").toString()).isEqualTo("[\"it-orders\"]");
    }

    @Test
    void mapsNothingDynamically() throws Exception {
        for (IndexTemplates.IndexTemplate template : IndexTemplates.bundled("events-", "orders")) {
            JsonNode mappings = JSON.readTree(template.body()).path("template").path("mappings");
            assertThat(mappings.path("dynamic").asBoolean(true)).as(template.name()).isFalse();
        }
    }

    @Test
    void bundlesAFiguresTemplateWithWindowBoundsAsDates() throws Exception {
        List<IndexTemplates.IndexTemplate> figures = IndexTemplates.figures("analytics-");

        assertThat(figures).extracting(IndexTemplates.IndexTemplate::name).containsExactly("relaybox-figures");
        JsonNode body = JSON.readTree(figures.get(0).body());
        assertThat(body.path("index_patterns").toString()).isEqualTo("[\"analytics-*\"]");
        assertThat(body.path("template").path("mappings").path("properties").path("windowStart").path("type").asText()).isEqualTo("date");
        assertThat(IndexTemplates.figures("it-figures-").get(0).name()).isEqualTo("relaybox-figures-it-figures");
    }
}
