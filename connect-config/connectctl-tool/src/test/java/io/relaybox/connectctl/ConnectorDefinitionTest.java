package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectorDefinitionTest {

    @Test
    void readsTheBundledOrdersOutboxConnector() {
        ConnectorDefinition connector = ConnectorDefinition.readBundled("orders-outbox-source.json");

        assertThat(connector.name()).isEqualTo("orders-outbox-source");
        assertThat(connector.connectorClass()).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
        assertThat(connector.config()).containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}.events");
    }

    @Test
    void keepsNoLiteralCredentialInTheBundledConnector() {
        ConnectorDefinition connector = ConnectorDefinition.readBundled("orders-outbox-source.json");

        assertThat(connector.config().get("database.password")).matches("\\$\\{(env|file|dir):[^}]+}");
    }

    @Test
    void overridesSettingsWithoutTouchingTheOthers() {
        ConnectorDefinition connector = parse("{\"name\":\"c\",\"config\":{\"a\":\"1\",\"b\":2}}");

        ConnectorDefinition changed = connector.withSettings(Map.of("a", "x"));

        assertThat(changed.config()).containsExactly(Map.entry("a", "x"), Map.entry("b", "2"));
        assertThat(connector.config()).containsEntry("a", "1");
    }

    @Test
    void namesTheFileAndPositionOfMalformedJson() {
        assertThatThrownBy(() -> parse("{\"name\":\"c\",\n \"config\": {\"a\": }}"))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("test.json: malformed JSON at line 2");
    }

    @Test
    void rejectsASettingGivenTwice() {
        assertThatThrownBy(() -> parse("{\"name\":\"c\",\"config\":{\"a\":\"1\",\n \"a\":\"2\"}}"))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("test.json: malformed JSON at line 2")
                .hasMessageContaining("Duplicate Object property \"a\"");
    }

    @Test
    void rejectsAFileWithoutConfig() {
        assertThatThrownBy(() -> parse("{\"name\":\"c\"}"))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("\"config\" is missing");
    }

    @Test
    void rejectsNestedSettings() {
        assertThatThrownBy(() -> parse("{\"name\":\"c\",\"config\":{\"a\":{\"b\":1}}}"))
                .isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("setting \"a\" must be a string");
    }

    private static ConnectorDefinition parse(String json) {
        return ConnectorDefinition.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
