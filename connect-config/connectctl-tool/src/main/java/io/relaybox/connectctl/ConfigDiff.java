package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings that differ between a desired and a deployed connector configuration. The {@code name} setting, which
 * the worker adds, is ignored.
 *
 * @param changes each differing setting, desired keys in their order first, then keys only the deployed config has
 */
public record ConfigDiff(List<Change> changes) {

    public ConfigDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One differing setting.
     *
     * @param key the setting
     * @param deployed its deployed value, null when only the desired config has it
     * @param desired its desired value, null when only the deployed config has it
     */
    public record Change(String key, String deployed, String desired) {
    }

    /** The difference; a connector that is not deployed has every desired setting added. */
    public static ConfigDiff between(Map<String, String> desired, Map<String, String> deployed) {
        Set<String> keys = new LinkedHashSet<>(desired.keySet());
        keys.addAll(deployed.keySet());
        keys.remove("name");
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            String before = deployed.get(key);
            String after = desired.get(key);
            if (!Objects.equals(before, after)) {
                changes.add(new Change(key, before, after));
            }
        }
        return new ConfigDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per change ({@code + key: value}, {@code - key: value}, {@code ~ key: old -> new}), secrets masked. */
    public List<String> render(SecretSettings secrets) {
        List<String> lines = new ArrayList<>();
        for (Change change : changes) {
            String before = quote(secrets.mask(change.key(), change.deployed()));
            String after = quote(secrets.mask(change.key(), change.desired()));
            if (change.deployed() == null) {
                lines.add("+ " + change.key() + ": " + after);
            } else if (change.desired() == null) {
                lines.add("- " + change.key() + ": " + before);
            } else {
                lines.add("~ " + change.key() + ": " + before + " -> " + after);
            }
        }
        return lines;
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
