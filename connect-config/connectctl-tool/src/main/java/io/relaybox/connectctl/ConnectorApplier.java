package io.relaybox.connectctl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a set of connectors declaratively: all or nothing at the checking stage. Every connector is first resolved
 * ({@code ${env:NAME}} in non-secret settings, overrides), checked (no literal secrets, no suspected rename) and
 * validated by the worker; only when the whole set passes is each one created or updated with
 * {@code PUT /connectors/{name}/config}, and only when its deployed configuration differs. Applying the same set twice
 * changes nothing the second time.
 *
 * <pre>{@code
 * List<ApplyResult> results = ConnectorApplier.to(client)
 *         .withOverrides(Map.of("database.hostname", "127.0.0.1", "database.port", "15432"))
 *         .apply(List.of(ConnectorDefinition.read(file)));
 * }</pre>
 *
 * Instances are immutable; the {@code with...} methods return copies.
 */
public final class ConnectorApplier {

    private final ConnectClient client;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;
    private final boolean allowRename;

    private ConnectorApplier(ConnectClient client, Map<String, String> environment, Map<String, String> overrides, boolean allowRename) {
        this.client = Objects.requireNonNull(client, "client");
        this.environment = Map.copyOf(environment);
        this.overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        this.allowRename = allowRename;
    }

    /** An applier through the client; placeholders resolve from this process's environment; no overrides; renames refused. */
    public static ConnectorApplier to(ConnectClient client) {
        return new ConnectorApplier(client, System.getenv(), Map.of(), false);
    }

    /** The same applier resolving {@code ${env:NAME}} from these variables instead of the process environment. */
    public ConnectorApplier withEnvironment(Map<String, String> variables) {
        return new ConnectorApplier(client, variables, overrides, allowRename);
    }

    /**
     * The same applier setting these settings on every connector (added or replaced) before anything else; a
     * literal value for a secret setting is refused like one in a file.
     */
    public ConnectorApplier withOverrides(Map<String, String> settings) {
        return new ConnectorApplier(client, environment, settings, allowRename);
    }

    /** The same applier that creates a connector even when it looks like a deployed one under a new name. */
    public ConnectorApplier allowingRename(boolean allow) {
        return new ConnectorApplier(client, environment, overrides, allow);
    }

    /**
     * Checks and validates every connector with the worker, deploying nothing.
     *
     * @return every problem found; empty when all connectors are valid
     * @throws ConnectRestException when the worker cannot be asked (unreachable, 401, ...)
     */
    public List<ConnectorProblem> validate(List<ConnectorDefinition> connectors) {
        List<ConnectorProblem> problems = new ArrayList<>();
        check(connectors, true).forEach(c -> problems.addAll(c.problems()));
        return problems;
    }

    /**
     * What {@link #apply} would do, after the same checks and validation, changing nothing.
     *
     * @throws InvalidConnectorsException listing every problem when any connector is invalid
     */
    public List<ApplyResult> plan(List<ConnectorDefinition> connectors) {
        return planned(check(connectors, true)).stream().map(Planned::result).toList();
    }

    /**
     * Creates or updates every connector whose deployed configuration differs; does not wait for them to run. An
     * updated connector that had FAILED (itself or a task) is then restarted, only its failed instances: the update is
     * meant to mend it, and until Connect restarts them its status would still say FAILED, quoting the old
     * configuration's failure.
     *
     * @return one result per connector, in the given order
     * @throws InvalidConnectorsException listing every problem when any connector is invalid; then nothing was applied
     * @throws ConnectRestException when the worker cannot be asked or refuses a request; connectors before the
     *         refused one have been applied
     */
    public List<ApplyResult> apply(List<ConnectorDefinition> connectors) {
        List<Planned> plan = planned(check(connectors, true));
        for (Planned step : plan) {
            if (step.result().action() == ApplyResult.Action.UPDATED) {
                boolean failed = client.status(step.connector().name()).flatMap(ConnectorStatus::failure).isPresent();
                client.putConfig(step.connector());
                if (failed) {
                    client.restart(step.connector().name(), true, true);
                }
            } else if (step.result().action() == ApplyResult.Action.CREATED) {
                client.putConfig(step.connector());
            }
        }
        return plan.stream().map(Planned::result).toList();
    }

    /**
     * The difference between each connector (resolved, with overrides) and its deployed configuration, without asking
     * the worker to validate.
     *
     * @throws InvalidConnectorsException when a placeholder cannot be resolved or a secret is a literal
     */
    public List<ApplyResult> diff(List<ConnectorDefinition> connectors) {
        List<Checked> checked = check(connectors, false);
        throwIfAny(checked);
        Map<String, Map<String, String>> deployed = client.connectorConfigs();
        return checked.stream().map(c -> compare(c, deployed).result()).toList();
    }

    private record Checked(ConnectorDefinition connector, SecretSettings secrets, List<ConnectorProblem> problems) {
    }

    private record Planned(ConnectorDefinition connector, ApplyResult result) {
    }

    private List<Checked> check(List<ConnectorDefinition> connectors, boolean askWorker) {
        requireUniqueNames(connectors);
        SettingsResolver resolver = new SettingsResolver(environment);
        Map<String, Map<String, String>> pluginTypes = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (ConnectorDefinition file : connectors) {
            ConnectorDefinition connector = file.withSettings(overrides);
            List<ConnectorProblem> problems = new ArrayList<>();
            SecretSettings secrets = SecretSettings.byKeyName();
            String connectorClass = connector.connectorClass();
            if (connectorClass == null || connectorClass.isBlank()) {
                problems.add(ConnectorProblem.of(connector, "connector.class", "is missing"));
            } else {
                try {
                    secrets = secrets.withTypes(pluginTypes.computeIfAbsent(connectorClass, client::pluginConfigTypes));
                } catch (ConnectRestException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    problems.add(ConnectorProblem.of(connector, "connector.class", e.getMessage()));
                }
            }
            SettingsResolver.Resolution resolution = resolver.resolve(connector, secrets);
            problems.addAll(resolution.problems());
            ConnectorDefinition resolved = resolution.connector();
            if (askWorker && problems.isEmpty()) {
                ConnectorValidation validation = client.validate(resolved);
                // the worker knows types the plugin's own ConfigDef lacks (transforms, converters): judge secrets again
                SecretSettings known = secrets.withTypes(validation.types());
                SettingsResolver.Resolution again = resolver.resolve(connector, known);
                if (!again.problems().isEmpty()) {
                    problems.addAll(again.problems());
                } else {
                    if (!again.connector().equals(resolved)) {
                        validation = client.validate(again.connector());
                    }
                    validation.errors().forEach(e -> problems.add(ConnectorProblem.of(connector, e.key(), e.message())));
                }
                secrets = known;
                resolved = again.connector();
            }
            checked.add(new Checked(resolved, secrets, problems));
        }
        return checked;
    }

    private List<Planned> planned(List<Checked> checked) {
        throwIfAny(checked);
        Map<String, Map<String, String>> deployed = client.connectorConfigs();
        if (!allowRename) {
            List<ConnectorProblem> renames = new RenameDetector().detect(checked.stream().map(Checked::connector).toList(), deployed);
            if (!renames.isEmpty()) {
                throw new InvalidConnectorsException(renames);
            }
        }
        return checked.stream().map(c -> compare(c, deployed)).toList();
    }

    private static Planned compare(Checked checked, Map<String, Map<String, String>> deployed) {
        ConnectorDefinition connector = checked.connector();
        Map<String, String> current = deployed.get(connector.name());
        ConfigDiff diff = ConfigDiff.between(connector.config(), current == null ? Map.of() : current);
        ApplyResult.Action action = current == null ? ApplyResult.Action.CREATED
                : diff.isEmpty() ? ApplyResult.Action.UNCHANGED : ApplyResult.Action.UPDATED;
        return new Planned(connector, new ApplyResult(connector.name(), action, diff, checked.secrets()));
    }

    private static void throwIfAny(List<Checked> checked) {
        List<ConnectorProblem> problems = new ArrayList<>();
        checked.forEach(c -> problems.addAll(c.problems()));
        if (!problems.isEmpty()) {
            throw new InvalidConnectorsException(problems);
        }
    }

    private static void requireUniqueNames(List<ConnectorDefinition> connectors) {
        Map<String, ConnectorDefinition> seen = new HashMap<>();
        for (ConnectorDefinition connector : connectors) {
            ConnectorDefinition earlier = seen.putIfAbsent(connector.name(), connector);
            if (earlier != null) {
                throw new ConnectorFileException("connector " + connector.name() + " is defined twice: in " + earlier.source() + " and in "
                        + connector.source());
            }
        }
    }
}
