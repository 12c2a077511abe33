package io.relaybox.connect.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IndexTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundlesTheTemplatesOfTheConnectConfigFolder() throws Exception {
        List<IndexTemplates.IndexTemplate> bundled = IndexTemplates.bundled("events-", "orders");
        List<IndexTemplates.IndexTemplate> files = IndexTemplates.read(Path.of(System.getProperty("relaybox.home"),
                "connect-config/elasticsearch/index-templates"));

        assertThat(bundled).extracting(IndexTemplates.IndexTemplate::name).containsExactly("relaybox-events", "relaybox-orders");
        assertThat(files).extracting(IndexTemplates.IndexTemplate::name).containsExactly("relaybox-events", "relaybox-orders");
        for (int i = 0; i < 2; i++) {
            assertThat(JSON.readTree(bundled.get(i).body())).isEqualTo(JSON.readTree(files.get(i).body()));
        }
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
}
