package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code ${env:NAME}} in every non-secret setting from the tool's environment, and checks that secret settings
 * are config-provider references, which stay as they are for the worker to resolve. Nothing here calls the worker.
 */
final class SettingsResolver {

    /**
     * A connector with its placeholders resolved.
     *
     * @param connector the settings to send (secrets still references)
     * @param problems what could not be resolved or is not allowed; empty when the connector may be sent
     */
    record Resolution(ConnectorDefinition connector, List<ConnectorProblem> problems) {
    }

    private final Map<String, String> environment;

    SettingsResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Resolution resolve(ConnectorDefinition connector, SecretSettings secrets) {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<ConnectorProblem> problems = new ArrayList<>();
        connector.config().forEach((key, value) -> {
            if (secrets.isSecret(key)) {
                if (secrets.isLiteralSecret(key, value)) {
                    problems.add(ConnectorProblem.of(connector, key, "a secret setting holds a literal value (" + SecretSettings.MASK
                            + "); write a config-provider reference that the worker resolves instead, such as "
                            + "${env:RELAYBOX_...} or ${file:/path/secrets.properties:key}"));
                }
                resolved.put(key, value);
                return;
            }
            List<String> missing = new ArrayList<>();
            resolved.put(key, ConfigReference.resolveEnv(value, environment, missing));
            missing.forEach(variable -> problems.add(ConnectorProblem.of(connector, key,
                    "environment variable " + variable + " is not set (referenced as ${env:" + variable + "})")));
        });
        return new Resolution(connector.withConfig(resolved), problems);
    }
}
