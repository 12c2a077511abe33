package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");

    @Test
    void keepsTheGeneratedReferenceCurrent() throws Exception {
        if (Boolean.getBoolean("docs.update")) {
            ConfigReference.main(new String[] {REFERENCE.toString()});
        }
        assertThat(REFERENCE).as("regenerate with mvn test -pl connectors/elasticsearch-sink -Dtest=ConfigReferenceTest -Ddocs.update=true")
                .exists();
        assertThat(Files.readString(REFERENCE)).isEqualTo(ConfigReference.markdown());
    }
}
