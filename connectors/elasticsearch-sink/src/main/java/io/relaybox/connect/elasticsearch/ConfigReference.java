package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders the ConfigDef as the Markdown reference in {@code docs/configuration.md}, so that the reference is
 * generated, never hand-written. {@code ConfigReferenceTest} fails when the file is stale; run this class (argument:
 * the file) to rewrite it.
 */
final class ConfigReference {

    private ConfigReference() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
        System.out.println("wrote " + file);
    }

    static String markdown() {
        ConfigDef def = ElasticsearchSinkConnectorConfig.CONFIG_DEF;
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        for (String group : def.groups()) {
            groups.put(group, new ArrayList<>());
        }
        def.configKeys().values().forEach(key -> groups.computeIfAbsent(key.group, g -> new ArrayList<>()).add(key));
        StringBuilder out = new StringBuilder();
        out.append("# Elasticsearch sink: configuration reference\n\n")
                .append("Generated from `ElasticsearchSinkConnectorConfig` by `ConfigReference`; do not edit by hand. ")
                .append("Besides these keys the connector takes Kafka Connect's own (`topics`, `tasks.max`, `errors.*`, converters).\n");
        groups.forEach((group, keys) -> {
            out.append("\n## ").append(group).append("\n\n| key | type | default | valid values | importance | description |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            keys.sort((a, b) -> Integer.compare(a.orderInGroup, b.orderInGroup));
            for (ConfigDef.ConfigKey key : keys) {
                out.append("| `").append(key.name).append("` | ").append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(defaultValue(key)).append(" | ").append(key.validator == null ? "" : cell(key.validator.toString()))
                        .append(" | ").append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ").append(cell(key.documentation))
                        .append(" |\n");
            }
        });
        return out.toString();
    }

    private static String defaultValue(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.defaultValue == null) {
            return "(none)";
        }
        String text = key.defaultValue instanceof List<?> list ? String.join(",", list.stream().map(Object::toString).toList())
                : key.defaultValue.toString();
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
