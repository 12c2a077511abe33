package io.relaybox.connect.s3archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/configuration.md generated from the ConfigDef: the test fails when they differ and rewrites the file, so
 * running the tests again (and committing the file) fixes it.
 */
class ConfigReferenceTest {

    @Test
    void configurationReferenceIsGeneratedFromTheConfigDef() throws IOException {
        Path file = Path.of(System.getProperty("config.docs.file", "docs/configuration.md"));
        String expected = render(S3ArchiveSinkConnectorConfig.CONFIG_DEF);
        String actual = Files.exists(file) ? Files.readString(file) : "";
        if (!actual.equals(expected)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        assertThat(actual).as(file + " was out of date and has been regenerated: run the tests again").isEqualTo(expected);
    }

    static String render(ConfigDef def) {
        StringBuilder out = new StringBuilder();
        out.append("# S3 archive sink: configuration reference\n\n")
                .append("Generated from `S3ArchiveSinkConnectorConfig.CONFIG_DEF` by `ConfigReferenceTest`; do not edit by hand.\n")
                .append("Besides these keys the connector takes Kafka Connect's own (`topics`, `tasks.max`, converters, `errors.*`).\n");
        String group = null;
        List<ConfigDef.ConfigKey> keys = def.configKeys().values().stream()
                .sorted(java.util.Comparator.comparingInt((ConfigDef.ConfigKey k) -> def.groups().indexOf(k.group))
                        .thenComparingInt(k -> k.orderInGroup))
                .toList();
        for (ConfigDef.ConfigKey key : keys) {
            if (!key.group.equals(group)) {
                group = key.group;
                out.append("\n## ").append(group).append("\n\n| key | type | default | valid values | importance | description |\n")
                        .append("| --- | --- | --- | --- | --- | --- |\n");
            }
            String defaultValue = key.hasDefault() ? "`" + (key.defaultValue == null ? "null" : ConfigDef.convertToString(key.defaultValue,
                    key.type)) + "`" : "(required)";
            if ("``".equals(defaultValue) || key.type == ConfigDef.Type.PASSWORD && key.hasDefault()) {
                defaultValue = "\"\"";
            }
            out.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase()).append(" | ").append(defaultValue)
                    .append(" | ").append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|")).append(" | ")
                    .append(key.importance.name().toLowerCase()).append(" | ").append(key.documentation.replace("|", "\\|")
                            .replace("<", "&lt;").replace(">", "&gt;"))
                    .append(" |\n");
        }
        return out.toString();
    }
}
