package io.relaybox.connect.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a connector's {@link ConfigDef} as the Markdown reference in its {@code docs/configuration.md}, so that the
 * reference is generated, never hand-written: one table per group, in the ConfigDef's group order.
 */
public final class ConfigReference {

    private static final String GENERAL = "General";

    private ConfigReference() {
    }

    /**
     * The reference.
     *
     * @param title the heading, e.g. {@code S3 archive sink: configuration reference}
     * @param source what the keys are defined in, e.g. {@code S3ArchiveSinkConnectorConfig.CONFIG_DEF}
     */
    public static String markdown(String title, String source, ConfigDef def) {
        Map<String, List<ConfigDef.ConfigKey>> groups = new LinkedHashMap<>();
        def.groups().forEach(group -> groups.put(group, new ArrayList<>()));
        def.configKeys().values().forEach(key -> groups.computeIfAbsent(key.group == null ? GENERAL : key.group, g -> new ArrayList<>())
                .add(key));
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n")
                .append("Generated from `").append(source).append("` by `ConfigReference`; do not edit by hand.\n")
                .append("Besides these keys the connector takes Kafka Connect's own (`topics`, `tasks.max`, converters, `errors.*`).\n");
        groups.forEach((group, keys) -> {
            if (keys.isEmpty()) {
                return;
            }
            out.append("\n## ").append(group).append("\n\n| key | type | default | valid values | importance | description |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            keys.sort(Comparator.comparingInt(key -> key.orderInGroup));
            keys.forEach(key -> out.append("| `").append(key.name).append("` | ").append(lower(key.type)).append(" | ")
                    .append(defaultValue(key)).append(" | ").append(key.validator == null ? "" : cell(key.validator.toString()))
                    .append(" | ").append(lower(key.importance)).append(" | ").append(cell(key.documentation)).append(" |\n"));
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
        if (key.defaultValue instanceof Password password) {
            return password.value().isEmpty() ? "\"\"" : "(hidden)";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
