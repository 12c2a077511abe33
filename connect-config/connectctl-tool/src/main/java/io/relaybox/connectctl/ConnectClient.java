package io.relaybox.connectctl;

import static io.relaybox.connectctl.RestTransport.body;
import static io.relaybox.connectctl.RestTransport.expectOneOf;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A client of the Kafka Connect REST API. Connectors are registered only with the idempotent
 * {@code PUT /connectors/{name}/config}; a 409 (rebalance in progress) is retried with backoff. Every refusal
 * (unreachable worker, 401, 403, 404, 400, ...) is a {@link ConnectRestException} whose message is one line.
 */
public final class ConnectClient {

    private static final Duration POLL = Duration.ofMillis(250);
    /** How long {@link #restart} waits at most for Connect to act on the restart of a failed connector or task. */
    static final Duration RESTART_SETTLE = Duration.ofSeconds(10);

    private final RestTransport rest;

    private ConnectClient(RestTransport rest) {
        this.rest = rest;
    }

    /** A client of the worker at the URL, e.g. {@code http://127.0.0.1:8083}. */
    public static ConnectClient of(URI baseUri) {
        return new ConnectClient(new RestTransport(baseUri, Optional.empty(), d -> Thread.sleep(d.toMillis())));
    }

    // visible for testing: retries without sleeping
    static ConnectClient of(URI baseUri, RestTransport.Sleeper sleeper) {
        return new ConnectClient(new RestTransport(baseUri, Optional.empty(), sleeper));
    }

    /** The same client, authenticating with HTTP basic authentication. */
    public ConnectClient withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ConnectClient(rest.withAuthorization("Basic " + token));
    }

    public URI baseUri() {
        return rest.baseUri();
    }

    /** True when the worker answers its REST API (it has joined its group and serves requests). */
    public boolean isReady() {
        try {
            return rest.send(rest.request("connectors").GET()).statusCode() == 200;
        } catch (ConnectRestException e) {
            return false;
        }
    }

    /** Names of the deployed connectors. */
    public List<String> connectors() {
        JsonNode names = body(expectOneOf(get("connectors"), 200));
        List<String> result = new ArrayList<>();
        names.forEach(n -> result.add(n.asString()));
        return result;
    }

    /** Every deployed connector's configuration, by name, in one request ({@code ?expand=info}). */
    public Map<String, Map<String, String>> connectorConfigs() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        body(expectOneOf(get("connectors?expand=info"), 200)).properties()
                .forEach(c -> result.put(c.getKey(), settings(c.getValue().path("info").path("config"))));
        return result;
    }

    /** Every deployed connector's status, in one request ({@code ?expand=status}). */
    public List<ConnectorStatus> statuses() {
        List<ConnectorStatus> result = new ArrayList<>();
        body(expectOneOf(get("connectors?expand=status"), 200)).properties()
                .forEach(c -> result.add(status(c.getKey(), c.getValue().path("status"))));
        return result;
    }

    /** The installed plugins: connectors, and with {@code all} also transforms, converters and predicates. */
    public List<PluginInfo> plugins(boolean all) {
        JsonNode plugins = body(expectOneOf(get("connector-plugins?connectorsOnly=" + !all), 200));
        List<PluginInfo> result = new ArrayList<>();
        plugins.forEach(p -> result.add(new PluginInfo(p.path("class").asString(), p.path("type").asString(),
                p.path("version").asString(""))));
        return result;
    }

    /**
     * The ConfigDef types of a connector plugin's own settings ({@code GET /connector-plugins/{class}/config}).
     *
     * @return type ({@code STRING}, {@code PASSWORD}, ...) by key
     * @throws ConnectRestException with status 404 when the worker has no such plugin
     */
    public Map<String, String> pluginConfigTypes(String connectorClass) {
        HttpResponse<String> response = get("connector-plugins/" + encode(connectorClass) + "/config");
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            throw new ConnectRestException(404, "the worker has no connector plugin " + connectorClass + " (see connectctl plugins): "
                    + RestTransport.errorMessage(response));
        }
        Map<String, String> types = new LinkedHashMap<>();
        body(expectOneOf(response, 200)).forEach(d -> types.put(d.path("name").asString(), d.path("type").asString()));
        return types;
    }

    /**
     * Validates the connector's settings with {@code PUT /connector-plugins/{class}/config/validate}; nothing is deployed.
     * The worker resolves config-provider references ({@code ${env:...}}, {@code ${file:...}}) for the check only.
     */
    public ConnectorValidation validate(ConnectorDefinition connector) {
        String connectorClass = connector.connectorClass();
        if (connectorClass == null || connectorClass.isBlank()) {
            return new ConnectorValidation(connector.name(), List.of(new ConnectorValidation.FieldError("connector.class", "is missing")),
                    Map.of());
        }
        Map<String, String> config = new LinkedHashMap<>(connector.config());
        config.putIfAbsent("name", connector.name());
        HttpResponse<String> response = rest.sendRetryingRebalance(() -> rest.request("connector-plugins/" + encode(connectorClass)
                + "/config/validate").header("Content-Type", "application/json").PUT(RestTransport.json(config)));
        if (response.statusCode() == 404 || response.statusCode() == 400 && RestTransport.errorMessage(response).contains("class")) {
            return new ConnectorValidation(connector.name(), List.of(new ConnectorValidation.FieldError("connector.class",
                    "the worker has no connector plugin " + connectorClass + ": " + RestTransport.errorMessage(response))), Map.of());
        }
        return ConnectorValidation.from(connector.name(), body(expectOneOf(response, 200)));
    }

    /**
     * Creates or updates the connector with {@code PUT /connectors/{name}/config}.
     *
     * @return true when it was created, false when an existing one was updated
     */
    public boolean putConfig(ConnectorDefinition connector) {
        HttpResponse<String> response = rest.sendRetryingRebalance(() -> rest.request("connectors/" + encode(connector.name()) + "/config")
                .header("Content-Type", "application/json")
                .PUT(RestTransport.json(connector.config())));
        return expectOneOf(response, 201, 200).statusCode() == 201;
    }

    /** The deployed configuration, or empty when there is no such connector. */
    public Optional<Map<String, String>> config(String name) {
        HttpResponse<String> response = get("connectors/" + encode(name) + "/config");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(settings(body(expectOneOf(response, 200))));
    }

    /** The connector's and its tasks' states, or empty when there is no such connector. */
    public Optional<ConnectorStatus> status(String name) {
        HttpResponse<String> response = get("connectors/" + encode(name) + "/status");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(status(name, body(expectOneOf(response, 200))));
    }

    /**
     * Waits until the connector and all its tasks are RUNNING.
     *
     * @throws ConnectorStateException at once when the connector or a task FAILED (quoting the trace), or on timeout
     */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        try {
            return awaitState(name, TargetState.RUNNING, timeout).orElseThrow();
        } catch (ConnectorStateException e) {
            Optional<ConnectorStatus> status = status(name).filter(s -> s.failure().isPresent());
            throw status.isPresent() ? new ConnectorStateException(e.getMessage() + "\n" + fullTrace(status.get())) : e;
        }
    }

    /**
     * Waits until the connector and all its tasks are RUNNING after an update of its configuration. Unlike
     * {@link #awaitRunning}, a FAILED state is not final before the timeout: Connect restarts the tasks with the new
     * configuration asynchronously, and until then the status may still quote the old configuration's failure.
     *
     * @throws ConnectorStateException on timeout, quoting the failure (or the last status)
     */
    public ConnectorStatus awaitRunningAfterUpdate(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Optional<ConnectorStatus> last = status(name);
        while (!TargetState.RUNNING.isReachedBy(last)) {
            if (!Instant.now().isBefore(deadline)) {
                Optional<ConnectorStatus> failed = last.filter(s -> s.failure().isPresent());
                throw new ConnectorStateException(failed.isPresent() ? failed.get().failure().orElseThrow() + "\n" + fullTrace(failed.get())
                        : "connector " + name + " was not RUNNING within " + timeout.toSeconds() + " s; last status: "
                                + last.map(ConnectorStatus::summary).orElse("not deployed"));
            }
            pause(POLL);
            last = status(name);
        }
        return last.orElseThrow();
    }

    /**
     * Waits until the connector is in the state; polls its status.
     *
     * @return the last status (empty when waiting for {@link TargetState#ABSENT})
     * @throws ConnectorStateException when waiting for RUNNING and the connector or a task FAILED (at once), or on timeout;
     *         the message quotes the failure or the last status
     */
    public Optional<ConnectorStatus> awaitState(String name, TargetState target, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Optional<ConnectorStatus> last = status(name);
        while (!target.isReachedBy(last)) {
            if (target.isDefeatedBy(last)) {
                throw new ConnectorStateException(last.flatMap(ConnectorStatus::failure).orElseThrow());
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new ConnectorStateException("connector " + name + " was not " + target + " within " + timeout.toSeconds()
                        + " s; last status: " + last.map(ConnectorStatus::summary).orElse("not deployed"));
            }
            pause(POLL);
            last = status(name);
        }
        return last;
    }

    /** Stops the connector (Kafka 3.5+): its tasks shut down, its offsets may then be altered. */
    public void stop(String name) {
        lifecycle("connectors/" + encode(name) + "/stop");
    }

    /** Pauses the connector: its tasks stay assigned but idle. */
    public void pause(String name) {
        lifecycle("connectors/" + encode(name) + "/pause");
    }

    /** Resumes a paused or stopped connector. */
    public void resume(String name) {
        lifecycle("connectors/" + encode(name) + "/resume");
    }

    /**
     * Restarts the connector and, when asked, its tasks (only the failed ones when {@code onlyFailed}). Connect carries a
     * restart out after answering 202, and until it did, the status still quotes the failure being restarted: a failed
     * connector's restart returns once its status changed (at most {@link #RESTART_SETTLE}), so that a {@code wait}
     * right after it does not read that stale failure as the outcome.
     */
    public void restart(String name, boolean includeTasks, boolean onlyFailed) {
        Optional<ConnectorStatus> before = status(name).filter(status -> status.failure().isPresent());
        String path = "connectors/" + encode(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed;
        expectOneOf(rest.sendRetryingRebalance(() -> rest.request(path).POST(HttpRequest.BodyPublishers.noBody())), 200, 202, 204);
        if (before.isPresent()) {
            Instant deadline = Instant.now().plus(RESTART_SETTLE);
            while (status(name).equals(before) && Instant.now().isBefore(deadline)) {
                pause(POLL);
            }
        }
    }

    /** Deletes the connector; a missing one is not an error. */
    public void delete(String name) {
        HttpResponse<String> response = rest.sendRetryingRebalance(() -> rest.request("connectors/" + encode(name)).DELETE());
        if (response.statusCode() != 404) {
            expectOneOf(response, 200, 204);
        }
    }

    /** The connector's committed offsets ({@code GET /connectors/{name}/offsets}). */
    public ConnectorOffsets offsets(String name) {
        HttpResponse<String> response = get("connectors/" + encode(name) + "/offsets");
        return RestTransport.JSON.treeToValue(body(expectOneOf(response, 200)), ConnectorOffsets.class);
    }

    /**
     * Deletes the connector's offsets: a sink re-reads its topics from the start, a source starts afresh. The connector
     * must be STOPPED.
     *
     * @return the worker's message
     */
    public String resetOffsets(String name) {
        HttpResponse<String> response = rest.sendRetryingRebalance(() -> rest.request("connectors/" + encode(name) + "/offsets").DELETE());
        return RestTransport.errorMessage(expectOneOf(response, 200));
    }

    /**
     * Sets some of the connector's offsets ({@code PATCH /connectors/{name}/offsets}). The connector must be STOPPED.
     *
     * @return the worker's message
     */
    public String alterOffsets(String name, ConnectorOffsets offsets) {
        HttpResponse<String> response = rest.sendRetryingRebalance(() -> rest.request("connectors/" + encode(name) + "/offsets")
                .header("Content-Type", "application/json").method("PATCH", RestTransport.json(offsets)));
        return RestTransport.errorMessage(expectOneOf(response, 200));
    }

    private void lifecycle(String path) {
        expectOneOf(rest.sendRetryingRebalance(() -> rest.request(path).PUT(HttpRequest.BodyPublishers.noBody())), 200, 202, 204);
    }

    private HttpResponse<String> get(String path) {
        return rest.sendRetryingRebalance(() -> rest.request(path).GET());
    }

    private static Map<String, String> settings(JsonNode config) {
        Map<String, String> settings = new LinkedHashMap<>();
        config.properties().forEach(e -> settings.put(e.getKey(), e.getValue().asString()));
        return settings;
    }

    private static ConnectorStatus status(String name, JsonNode body) {
        JsonNode connector = body.path("connector");
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        body.path("tasks").forEach(t -> tasks.add(new ConnectorStatus.TaskStatus(t.path("id").asInt(), t.path("state").asString(),
                t.path("worker_id").asString(), t.path("trace").asString(null))));
        return new ConnectorStatus(name, connector.path("state").asString(), connector.path("worker_id").asString(),
                connector.path("trace").asString(null), tasks);
    }

    private static String fullTrace(ConnectorStatus status) {
        if (status.trace() != null) {
            return status.trace();
        }
        return status.tasks().stream().filter(t -> t.trace() != null).map(ConnectorStatus.TaskStatus::trace).findFirst().orElse("");
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException("interrupted", e);
        }
    }
}
