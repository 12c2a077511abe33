package io.relaybox.connectctl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Kafka Connect REST API. Connectors are registered only with the idempotent
 * {@code PUT /connectors/{name}/config}; a 409 (rebalance in progress) is retried with backoff.
 */
public final class ConnectClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int REBALANCE_RETRIES = 8;

    private final URI baseUri;
    private final Optional<String> authorization;
    private final HttpClient http;

    private ConnectClient(URI baseUri, Optional<String> authorization) {
        this.baseUri = URI.create(baseUri.toString().replaceAll("/+$", "") + "/");
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client of the worker at the URL, e.g. {@code http://127.0.0.1:8083}. */
    public static ConnectClient of(URI baseUri) {
        return new ConnectClient(baseUri, Optional.empty());
    }

    /** The same client, authenticating with HTTP basic authentication. */
    public ConnectClient withBasicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ConnectClient(baseUri, Optional.of("Basic " + token));
    }

    public URI baseUri() {
        return baseUri;
    }

    /** True when the worker answers its REST API (it has joined its group and serves requests). */
    public boolean isReady() {
        try {
            return send(request("connectors").GET()).statusCode() == 200;
        } catch (ConnectRestException e) {
            return false;
        }
    }

    /** Names of the deployed connectors. */
    public List<String> connectors() {
        JsonNode names = json(expect(send(request("connectors").GET()), 200));
        List<String> result = new ArrayList<>();
        names.forEach(n -> result.add(n.asString()));
        return result;
    }

    /** The installed plugins: connectors, and with {@code all} also transforms, converters and predicates. */
    public List<PluginInfo> plugins(boolean all) {
        JsonNode plugins = json(expect(send(request("connector-plugins?connectorsOnly=" + !all).GET()), 200));
        List<PluginInfo> result = new ArrayList<>();
        plugins.forEach(p -> result.add(new PluginInfo(p.path("class").asString(), p.path("type").asString(),
                p.path("version").asString(""))));
        return result;
    }

    /**
     * Creates or updates the connector with {@code PUT /connectors/{name}/config}.
     *
     * @return true when it was created, false when an existing one was updated
     */
    public boolean putConfig(ConnectorDefinition connector) {
        String body = JSON.writeValueAsString(connector.config());
        HttpResponse<String> response = sendRetryingRebalance(() -> request("connectors/" + encode(connector.name()) + "/config")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() == 201) {
            return true;
        }
        expect(response, 200);
        return false;
    }

    /** The deployed configuration, or empty when there is no such connector. */
    public Optional<Map<String, String>> config(String name) {
        HttpResponse<String> response = send(request("connectors/" + encode(name) + "/config").GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Map<String, String> config = new LinkedHashMap<>();
        json(expect(response, 200)).properties().forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        return Optional.of(config);
    }

    /** The connector's and its tasks' states, or empty when there is no such connector. */
    public Optional<ConnectorStatus> status(String name) {
        HttpResponse<String> response = send(request("connectors/" + encode(name) + "/status").GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body = json(expect(response, 200));
        JsonNode connector = body.path("connector");
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        body.path("tasks").forEach(t -> tasks.add(new ConnectorStatus.TaskStatus(t.path("id").asInt(), t.path("state").asString(),
                t.path("worker_id").asString(), t.path("trace").asString(null))));
        return Optional.of(new ConnectorStatus(name, connector.path("state").asString(), connector.path("worker_id").asString(),
                connector.path("trace").asString(null), tasks));
    }

    /**
     * Waits until the connector and all its tasks are RUNNING.
     *
     * @throws ConnectRestException at once when the connector or a task FAILED (quoting the trace), or on timeout
     */
    public ConnectorStatus awaitRunning(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Optional<ConnectorStatus> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = status(name);
            if (last.isPresent()) {
                ConnectorStatus status = last.get();
                if (status.isRunning()) {
                    return status;
                }
                Optional<String> failure = status.failure();
                if (failure.isPresent()) {
                    throw new ConnectRestException(200, failure.get() + "\n" + fullTrace(status));
                }
            }
            pause(Duration.ofMillis(250));
        }
        throw new ConnectRestException(-1, "connector " + name + " was not RUNNING within " + timeout.toSeconds() + " s; last status: "
                + last.map(Object::toString).orElse("not deployed"));
    }

    /** Stops the connector (Kafka 3.5+): its tasks shut down, its offsets may then be altered. */
    public void stop(String name) {
        expectOneOf(sendRetryingRebalance(() -> request("connectors/" + encode(name) + "/stop").PUT(HttpRequest.BodyPublishers.noBody())),
                202, 204);
    }

    /** Resumes a paused or stopped connector. */
    public void resume(String name) {
        expectOneOf(sendRetryingRebalance(() -> request("connectors/" + encode(name) + "/resume").PUT(HttpRequest.BodyPublishers.noBody())),
                202, 204);
    }

    /** Restarts the connector and, when asked, its tasks (only the failed ones when {@code onlyFailed}). */
    public void restart(String name, boolean includeTasks, boolean onlyFailed) {
        String path = "connectors/" + encode(name) + "/restart?includeTasks=" + includeTasks + "&onlyFailed=" + onlyFailed;
        expectOneOf(sendRetryingRebalance(() -> request(path).POST(HttpRequest.BodyPublishers.noBody())), 200, 202, 204);
    }

    /** Deletes the connector; a missing one is not an error. */
    public void delete(String name) {
        HttpResponse<String> response = sendRetryingRebalance(() -> request("connectors/" + encode(name)).DELETE());
        if (response.statusCode() != 404) {
            expectOneOf(response, 200, 204);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> sendRetryingRebalance(java.util.function.Supplier<HttpRequest.Builder> request) {
        Duration backoff = Duration.ofMillis(250);
        HttpResponse<String> response = send(request.get());
        for (int attempt = 1; response.statusCode() == 409 && attempt <= REBALANCE_RETRIES; attempt++) {
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            response = send(request.get());
        }
        if (response.statusCode() == 409) {
            throw new ConnectRestException(409, "the Connect worker kept answering 409 (a rebalance is in progress) after "
                    + REBALANCE_RETRIES + " retries: " + errorMessage(response));
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ConnectRestException("the Connect worker at " + baseUri + " is unreachable (connection refused)", e);
        } catch (IOException e) {
            throw new ConnectRestException("the Connect worker at " + baseUri + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException("interrupted while calling " + built.uri(), e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        return expectOneOf(response, status);
    }

    private static HttpResponse<String> expectOneOf(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        String method = response.request().method();
        String reason = switch (response.statusCode()) {
            case 401 -> "authentication required or wrong credentials (401)";
            case 403 -> "not allowed (403)";
            case 404 -> "not found (404)";
            default -> "HTTP " + response.statusCode();
        };
        throw new ConnectRestException(response.statusCode(), method + " " + response.uri() + ": " + reason + ": " + errorMessage(response));
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("message").asString(response.body());
        } catch (RuntimeException e) {
            return response.body();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
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
