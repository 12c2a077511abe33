package io.relaybox.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * The versions of one event type's schema and the check that each version keeps the type's declared compatibility with
 * the versions before it. A failure names the event, the versions, the direction (which reader cannot read which
 * writer), the place in the payload and the rule broken.
 */
public final class SchemaHistory {

    private final String typeName;
    private final CompatibilityMode mode;
    private final int latestVersion;
    private final IntFunction<JsonNode> schemas;

    /**
     * @param schemas the schema of each version from 1 to {@code latestVersion}
     */
    public SchemaHistory(String typeName, CompatibilityMode mode, int latestVersion, IntFunction<JsonNode> schemas) {
        this.typeName = typeName;
        this.mode = mode;
        this.latestVersion = latestVersion;
        this.schemas = schemas;
    }

    /** The history of a type the platform publishes, from the schema files on the class path. */
    public static SchemaHistory of(EventType type) {
        List<Integer> versions = EventSchemas.versions(type.typeName());
        return new SchemaHistory(type.typeName(), type.compatibility(), versions.size(), version -> EventSchemas.tree(type.typeName(), version));
    }

    /** Every way a version breaks the declared compatibility with an earlier one; empty when none does. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (int version = 2; version <= latestVersion; version++) {
            JsonNode newer = schemas.apply(version);
            for (int earlier : mode.comparedVersions(version)) {
                JsonNode older = schemas.apply(earlier);
                if (mode.newReadsOld()) {
                    describe(version, earlier, "a consumer of v" + version + " cannot read v" + earlier + " events",
                            SchemaCompatibility.readerAcceptsWriter(newer, older), violations);
                }
                if (mode.oldReadsNew()) {
                    describe(version, earlier, "a consumer of v" + earlier + " cannot read v" + version + " events",
                            SchemaCompatibility.readerAcceptsWriter(older, newer), violations);
                }
            }
        }
        return violations;
    }

    private void describe(int version, int earlier, String direction, List<Incompatibility> found, List<String> violations) {
        for (Incompatibility incompatibility : found) {
            violations.add(typeName + " v" + version + " breaks " + mode + " compatibility with v" + earlier + " (" + direction + "): "
                    + incompatibility);
        }
    }
}
