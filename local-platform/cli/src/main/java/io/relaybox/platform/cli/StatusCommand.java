package io.relaybox.platform.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectRestException;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformState;
import io.relaybox.platform.PrometheusApi;
import io.relaybox.platform.ReplicationSlots;
import io.relaybox.platform.ProcessStatus;
import io.relaybox.platform.SlotRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lists the platform's processes, connectors, replication slots, migration modes and alerts. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "List each process with its PID, state (RUNNING, RESTARTING, EXITED (code), KILLED (signal), STOPPED), "
        + "restarts and endpoint, and the supervisor; connectors; replication slot lag; each capability's migration mode; alerts.",
        footer = {"", "Example: ./platform status --json"})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        return show(cli.runFolder(), json);
    }

    int show(Path runFolder, boolean asJson) {
        Optional<PlatformState> state = PlatformState.read(runFolder);
        List<Map<String, Object>> processes = new ArrayList<>();
        List<Map<String, Object>> connectors = new ArrayList<>();
        List<Map<String, Object>> slots = new ArrayList<>();
        List<Map<String, Object>> alerts = new ArrayList<>();
        List<Map<String, Object>> migration = new ArrayList<>();
        Optional<PlatformState.Entry> monolith = state.flatMap(PlatformClients::runningMonolith);
        Optional<MigrationReading> modes = monolith.map(p -> MigrationReading.of(p.endpoint()));
        modes.ifPresent(m -> migration.addAll(m.rows()));
        Map<String, Object> supervisor = row("name", "supervisor", "pid", "-", "state", "NONE", "restarts", "-", "endpoint", "-", "log", "-");
        state.ifPresent(s -> {
            Optional<PlatformState.Supervisor> watching = s.liveSupervisor();
            if (s.supervisor() != null) {
                supervisor.putAll(row("pid", s.supervisor().pid(), "state", watching.map(PlatformState.Supervisor::phase).orElse("GONE"),
                        "endpoint", s.supervisor().controlPort() > 0 ? "http://127.0.0.1:" + s.supervisor().controlPort() : "-", "log",
                        String.valueOf(s.supervisor().logFile())));
            }
            s.processes().forEach(p -> processes.add(row("name", p.name(), "pid", p.pid(), "state", state(p, watching.isPresent()),
                    "restarts", p.restarts() == null ? 0 : p.restarts(), "endpoint", p.endpoint(), "log", p.logFile().toString())));
            Optional<SlotReading> reading = alive(s, "postgres").map(p -> SlotReading.of(s, runFolder));
            reading.ifPresent(r -> slots.addAll(r.rows()));
            Optional<List<ReplicationSlots.Slot>> read = reading.map(SlotReading::slots);
            alive(s, "connect").ifPresent(p -> connectors.addAll(connectors(p.endpoint(), runFolder)));
            alive(s, "connect").ifPresent(p -> read.ifPresent(all -> adviseOnLostSlots(connectors, p.endpoint(), all, runFolder)));
            alive(s, "relay").ifPresent(p -> connectors.addAll(relayConnectors(p.endpoint())));
            alive(s, "prometheus").ifPresent(p -> alerts.addAll(alerts(p.endpoint())));
        });
        if (asJson) {
            Map<String, Object> document = row("runFolder", runFolder.toString(), "supervisor", supervisor, "processes", processes,
                    "connectors", connectors, "replicationSlots", slots, "migration", migration, "alerts", alerts);
            System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(document));
            return 0;
        }
        if (state.isEmpty()) {
            System.out.println("nothing runs from " + runFolder + " (start it with ./platform up)");
            return 0;
        }
        String format = "%-22s %-8s %-16s %-8s %-32s %s%n";
        System.out.printf(format, "PROCESS", "PID", "STATE", "RESTARTS", "ENDPOINT", "LOG");
        processes.forEach(p -> System.out.printf(format, p.get("name"), p.get("pid"), p.get("state"), p.get("restarts"), p.get("endpoint"),
                p.get("log")));
        System.out.printf(format, supervisor.get("name"), supervisor.get("pid"), supervisor.get("state"), supervisor.get("restarts"),
                supervisor.get("endpoint"), supervisor.get("log"));
        if (!connectors.isEmpty()) {
            System.out.printf("%n%-24s %-10s %s%n", "CONNECTOR", "STATE", "TASKS");
            connectors.forEach(c -> {
                System.out.printf("%-24s %-10s %s%n", c.get("name"), c.get("state"), c.get("tasks"));
                if (c.containsKey("advice")) {
                    System.out.printf("  ! %s%n", c.get("advice"));
                }
            });
        }
        if (!slots.isEmpty()) {
            System.out.printf("%n%-28s %-8s %-10s %s%n", "REPLICATION SLOT", "ACTIVE", "WAL STATUS", "RETAINED WAL (bytes)");
            slots.forEach(s -> System.out.printf("%-28s %-8s %-10s %s%n", s.get("name"), s.get("active"), s.get("walStatus"),
                    s.get("retainedWalBytes")));
        }
        monolith.ifPresentOrElse(p -> {
            System.out.printf("%nMIGRATION (%s at %s)%n", p.name(), p.endpoint());
            MigrationReading reading = modes.orElseThrow();
            if (reading.problem() != null) {
                System.out.println("unknown: " + reading.problem());
            } else {
                MigrationText.modes(reading.modes()).forEach(System.out::println);
            }
        }, () -> System.out.printf("%nMIGRATION unknown: no %s runs%n", PlatformClients.MONOLITH));
        state.flatMap(s -> alive(s, "prometheus")).ifPresentOrElse(p -> {
            System.out.printf("%nALERTS (Prometheus at %s)%n", p.endpoint());
            if (alerts.isEmpty()) {
                System.out.println("none firing or pending");
            }
            alerts.forEach(a -> System.out.printf("%-8s %-34s %s%n", a.get("state"), a.get("alert"), a.get("summary")));
        }, () -> System.out.printf("%nALERTS unknown: no Prometheus runs%n"));
        return 0;
    }

    /**
     * What the supervisor last wrote (RUNNING, RESTARTING, EXITED (3), KILLED (KILL), STOPPED, ...) while one watches; else
     * (or for a file of an unsupervised platform) RUNNING or STOPPED as the PID tells.
     */
    static String state(PlatformState.Entry process, boolean supervised) {
        if (supervised && process.state() != null) {
            return ProcessStatus.describe(process.state(), process.exitCode(), process.signal());
        }
        return process.isAlive() ? "RUNNING" : "STOPPED";
    }

    /** Every firing, then every pending alert of the Prometheus at the URL; one row saying so when it does not answer. */
    static List<Map<String, Object>> alerts(String prometheusUrl) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            List<PrometheusApi.Alert> alerts = new ArrayList<>(PrometheusApi.at(prometheusUrl).alerts());
            alerts.sort(java.util.Comparator.comparing((PrometheusApi.Alert a) -> !a.firing()).thenComparing(PrometheusApi.Alert::name));
            alerts.forEach(a -> rows.add(row("state", a.state().toUpperCase(java.util.Locale.ROOT), "alert", a.name(), "summary",
                    a.summary(), "labels", a.labels())));
        } catch (PlatformException e) {
            rows.add(row("state", "UNKNOWN", "alert", "(prometheus)", "summary", e.getMessage(), "labels", Map.of()));
        }
        return rows;
    }

    private static Optional<PlatformState.Entry> alive(PlatformState state, String name) {
        return state.processes().stream().filter(p -> p.name().equals(name) && p.isAlive()).findFirst();
    }

    private static List<Map<String, Object>> connectors(String connectUrl, Path runFolder) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            ConnectClient client = PlatformClients.connect(connectUrl, runFolder);
            for (String name : client.connectors()) {
                client.status(name).ifPresent(status -> {
                    Map<String, Object> connector = row("name", name, "state", status.state(), "tasks", tasks(status));
                    // a failure with a known remedy says what it is
                    status.tasks().stream().map(task -> SlotRecovery.diagnose(name, task.trace())).flatMap(Optional::stream).findFirst()
                            .ifPresent(advice -> connector.put("advice", advice));
                    rows.add(connector);
                });
            }
        } catch (ConnectRestException e) {
            rows.add(row("name", "(connect)", "state", "UNREACHABLE", "tasks", e.getMessage()));
        }
        return rows;
    }

    /**
     * The outbox sources the embedded relay runs, from its {@code GET /status}: each connector's state, and in place of
     * Connect's tasks what it published (and why it failed).
     */
    static List<Map<String, Object>> relayConnectors(String statusUrl) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(statusUrl))
                    .timeout(java.time.Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode connectors = JsonMapper.shared().readTree(answer.body()).path("connectors");
            connectors.propertyNames().forEach(name -> {
                JsonNode connector = connectors.path(name);
                rows.add(row("name", name, "state", connector.path("state").asString(), "tasks", "relay: published "
                        + connector.path("published").asLong() + (connector.has("failure") ? ", failed: " + connector.path("failure").asString() : "")));
            });
        } catch (IOException | RuntimeException e) {
            rows.add(row("name", "(relay)", "state", "UNREACHABLE", "tasks", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rows;
    }

    /** Says under each connector whose replication slot PostgreSQL invalidated what happened and what recovers. */
    private static void adviseOnLostSlots(List<Map<String, Object>> connectors, String connectUrl, List<ReplicationSlots.Slot> slots,
            Path runFolder) {
        if (slots.stream().noneMatch(ReplicationSlots.Slot::lost)) {
            return;
        }
        try {
            Map<String, String> advice = SlotRecovery.lostSlots(PlatformClients.connect(connectUrl, runFolder).connectorConfigs(), slots);
            connectors.forEach(connector -> {
                String given = advice.get(String.valueOf(connector.get("name")));
                if (given != null) {
                    connector.putIfAbsent("advice", given);
                }
            });
        } catch (RuntimeException e) {
            // the slots are listed below; the advice is a help, not the status
        }
    }

    private static String tasks(ConnectorStatus status) {
        List<String> tasks = new ArrayList<>();
        status.tasks().forEach(t -> tasks.add(t.id() + ":" + t.state()));
        return String.join(" ", tasks) + status.failure().map(f -> "  " + f).orElse("");
    }

    /**
     * The replication slots as read, or why they could not be read.
     *
     * @param slots the slots; empty when they could not be read
     * @param problem why they could not be read, or null
     */
    private record SlotReading(List<ReplicationSlots.Slot> slots, String problem) {

        static SlotReading of(PlatformState state, Path runFolder) {
            try {
                return new SlotReading(ReplicationSlots.read(PlatformClients.postgres(state, runFolder)), null);
            } catch (RuntimeException e) {
                return new SlotReading(List.of(), e.getMessage());
            }
        }

        /** One row per slot, or one saying why there are none. */
        List<Map<String, Object>> rows() {
            if (problem != null) {
                return List.of(row("name", "(postgres)", "active", false, "walStatus", "unknown", "retainedWalBytes", "unreadable: " + problem));
            }
            return slots.stream().map(slot -> row("name", slot.name(), "active", slot.active(), "walStatus", slot.walStatus(),
                    "retainedWalBytes", slot.retainedWalBytes())).toList();
        }
    }

    /**
     * Each capability's migration mode as the order monolith's {@code GET /migration/modes} answers, or why it did not:
     * status shows the error and goes on.
     *
     * @param modes the modes; empty when they could not be read
     * @param problem the first line of why they could not be read, or null
     */
    record MigrationReading(List<MigrationApi.CapabilityMode> modes, String problem) {

        static MigrationReading of(String monolithUrl) {
            try {
                return new MigrationReading(new MigrationApi(URI.create(monolithUrl)).modes(), null);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                return new MigrationReading(List.of(), message.lines().findFirst().orElse(message));
            }
        }

        /** One row per capability, or one saying why there are none. */
        List<Map<String, Object>> rows() {
            if (problem != null) {
                return List.of(row("capability", "(" + PlatformClients.MONOLITH + ")", "mode", "UNKNOWN", "error", problem));
            }
            return modes.stream().map(m -> row("capability", m.capability(), "mode", m.mode(), "shadowShare", m.shadowShare(), "changedAt",
                    m.changedAt() == null ? null : m.changedAt().toString(), "changedBy", m.changedBy(), "reason", m.reason())).toList();
        }
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
