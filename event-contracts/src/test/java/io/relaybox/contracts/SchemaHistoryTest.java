package io.relaybox.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaHistoryTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String V1 = "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\"],"
            + " \"properties\": {\"id\": {\"type\": \"string\"}}}";
    /** v1 plus an optional field: a v2 reader reads v1, a closed v1 reader refuses v2's new field. */
    private static final String V2_OPTIONAL_FIELD = "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\"],"
            + " \"properties\": {\"id\": {\"type\": \"string\"}, \"channel\": {\"type\": \"string\"}}}";

    @Test
    void namesTheEventTheVersionsTheDirectionTheFieldAndTheRule() {
        SchemaHistory history = history(CompatibilityMode.BACKWARD, V1, V1.replace("\"string\"", "\"integer\""));

        assertThat(history.violations()).containsExactly("OrderPlaced v2 breaks BACKWARD compatibility with v1 (a consumer of v2 cannot read v1 "
                + "events): /id: a type changed or was narrowed (string -> integer)");
    }

    @Test
    void anOptionalFieldAddedToAClosedObjectIsBackwardButNotForwardCompatible() {
        assertThat(history(CompatibilityMode.BACKWARD, V1, V2_OPTIONAL_FIELD).violations()).isEmpty();
        assertThat(history(CompatibilityMode.FORWARD, V1, V2_OPTIONAL_FIELD).violations())
                .containsExactly("OrderPlaced v2 breaks FORWARD compatibility with v1 (a consumer of v1 cannot read v2 events): /channel: a field "
                        + "the writer sends is not allowed by the reader (closed content model) (channel is sent by the writer, unknown to the reader)");
        assertThat(history(CompatibilityMode.FULL, V1, V2_OPTIONAL_FIELD).violations()).hasSize(1);
        assertThat(history(CompatibilityMode.NONE, V1, V1.replace("\"string\"", "\"integer\"")).violations()).isEmpty();
    }

    @Test
    void aTransitiveModeComparesWithEveryEarlierVersionNotOnlyThePreviousOne() {
        // v2 adds a required field with a default (fine after v1); v3 drops the default: fine after v2, which always
        // sends the field, but a v3 reader can no longer read v1 events
        String v2 = "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"id\", \"channel\"],"
                + " \"properties\": {\"id\": {\"type\": \"string\"}, \"channel\": {\"type\": \"string\", \"default\": \"WEB\"}}}";
        String v3 = v2.replace(", \"default\": \"WEB\"", "");

        assertThat(history(CompatibilityMode.BACKWARD, V1, v2, v3).violations()).isEmpty();
        assertThat(history(CompatibilityMode.BACKWARD_TRANSITIVE, V1, v2, v3).violations())
                .containsExactly("OrderPlaced v3 breaks BACKWARD_TRANSITIVE compatibility with v1 (a consumer of v3 cannot read v1 events): "
                        + "/channel: a required field was added without a default (channel is required, the writer may leave it out)");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPublishedEventTypeKeepsItsDeclaredCompatibilityAcrossItsVersions(EventType type) {
        assertThat(EventSchemas.versions(type.typeName())).as("versions of %s with a schema", type.typeName()).last()
                .isEqualTo(type.currentVersion());
        assertThat(SchemaHistory.of(type).violations()).as("%s (%s): every change to a published schema must keep the type's declared "
                + "compatibility; a breaking change needs a new event type", type.typeName(), type.compatibility()).isEmpty();
    }

    private static SchemaHistory history(CompatibilityMode mode, String... versions) {
        List<JsonNode> schemas = java.util.Arrays.stream(versions).map(JSON::readTree).toList();
        return new SchemaHistory("OrderPlaced", mode, schemas.size(), version -> schemas.get(version - 1));
    }
}
