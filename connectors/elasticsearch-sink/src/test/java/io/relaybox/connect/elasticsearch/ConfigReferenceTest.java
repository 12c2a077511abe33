package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.relaybox.connect.support.ConfigReference;

class ConfigReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");

    @Test
    void keepsTheGeneratedReferenceCurrent() throws Exception {
        String markdown = ConfigReference.markdown("Elasticsearch sink: configuration reference", "ElasticsearchSinkConnectorConfig.CONFIG_DEF",
                ElasticsearchSinkConnectorConfig.CONFIG_DEF);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(REFERENCE, markdown);
        }
        assertThat(REFERENCE).as("regenerate with mvn test -pl connectors/elasticsearch-sink -Dtest=ConfigReferenceTest -Ddocs.update=true")
                .exists();
        assertThat(Files.readString(REFERENCE)).isEqualTo(markdown);
    }
}
