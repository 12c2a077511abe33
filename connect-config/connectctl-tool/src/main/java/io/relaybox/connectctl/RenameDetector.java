package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds connectors to create that look like a deployed connector under a new name. A renamed connector starts without
 * offsets: a sink gets a new consumer group and writes everything again, a source starts a new offset history (and two
 * Debezium connectors cannot share one replication slot).
 */
final class RenameDetector {

    private static final String SLOT_NAME = "slot.name";

    List<ConnectorProblem> detect(List<ConnectorDefinition> desired, Map<String, Map<String, String>> deployed) {
        Set<String> desiredNames = desired.stream().map(ConnectorDefinition::name).collect(Collectors.toSet());
        List<ConnectorProblem> problems = new ArrayList<>();
        for (ConnectorDefinition connector : desired) {
            if (deployed.containsKey(connector.name())) {
                continue;
            }
            deployed.forEach((name, config) -> {
                if (!desiredNames.contains(name)) {
                    sameness(connector.config(), config).ifPresent(same -> problems.add(ConnectorProblem.of(connector, "name",
                            "looks like a rename of the deployed connector " + name + " (" + same + "): a connector under a new name "
                                    + "starts without offsets (a sink gets a new consumer group and writes everything again, a source "
                                    + "a new offset history); delete " + name + " and move its offsets (connectctl offsets get/set), "
                                    + "or pass --allow-rename")));
                }
            });
        }
        return problems;
    }

    private static Optional<String> sameness(Map<String, String> desired, Map<String, String> deployed) {
        if (withoutName(desired).equals(withoutName(deployed))) {
            return Optional.of("identical configuration");
        }
        String slot = desired.get(SLOT_NAME);
        if (slot != null && !slot.isBlank() && slot.equals(deployed.get(SLOT_NAME))
                && Objects.equals(desired.get("connector.class"), deployed.get("connector.class"))) {
            return Optional.of("the same replication slot " + slot);
        }
        return Optional.empty();
    }

    private static Map<String, String> withoutName(Map<String, String> config) {
        Map<String, String> copy = new LinkedHashMap<>(config);
        copy.remove("name");
        return copy;
    }
}
