package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order monolith's migration API: each capability's mode ({@code monolith}, {@code sync}, {@code shadow},
 * {@code events}), the switch between them, their history and the shadow diff. An answer other than 2xx becomes a
 * {@link MigrationProblem}; a monolith that does not answer, a {@link PlatformException}.
 */
public final class MigrationApi {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A switch may wait for the orders in flight to drain before it answers. */
    static final Duration SWITCH_TIMEOUT = Duration.ofSeconds(120);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    // the monolith may add members; null counts (a capability never compared) read as 0
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final String MODES = "/migration/modes";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /**
     * One capability's mode now.
     *
     * @param capability e.g. {@code inventory}
     * @param mode {@code monolith}, {@code sync}, {@code shadow} or {@code events}
     * @param shadowShare the share of orders also sent to the service in shadow mode, 0..1 (null when not given)
     * @param changedAt when it was set
     * @param changedBy who set it
     * @param reason why
     */
    public record CapabilityMode(String capability, String mode, Double shadowShare, Instant changedAt, String changedBy, String reason) {
    }

    /**
     * One switch of a capability's mode.
     *
     * @param capability e.g. {@code payment}
     * @param fromMode the mode before (null for the first)
     * @param toMode the mode after
     * @param shadowShare the shadow share it set (null when not given)
     * @param changedAt when
     * @param changedBy who
     * @param reason why
     */
    public record ModeChange(String capability, String fromMode, String toMode, Double shadowShare, Instant changedAt, String changedBy,
            String reason) {
    }

    /** The API of the monolith at that base URI, e.g. {@code http://127.0.0.1:18080}. */
    public MigrationApi(URI baseUri) {
        String url = baseUri.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Each capability's mode. */
    public List<CapabilityMode> modes() {
        return read(send("GET", MODES, null, READ_TIMEOUT), new TypeReference<List<CapabilityMode>>() {
        });
    }

    /**
     * Switches a capability to a mode; the monolith answers once the switch is done, which may take until its orders in
     * flight drained.
     *
     * @param capability e.g. {@code inventory}
     * @param mode e.g. {@code shadow}
     * @param changedBy who switches
     * @param reason why (null: none given)
     * @param shadowShare the share of orders to shadow, 0..1 (null: the monolith's default, 1.0)
     * @param force whether to switch although a check of the cut-over fails
     * @return the capability's new mode
     * @throws MigrationProblem when the monolith refuses: 400 (a field), 404 (no such capability), 409 (the cut-over's
     *         check failed), 502 / 503 (the service could not take the back-fill)
     */
    public CapabilityMode switchMode(String capability, String mode, String changedBy, String reason, Double shadowShare, boolean force) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        body.put("changedBy", changedBy);
        // left out rather than sent as null: the monolith then applies its defaults
        if (reason != null) {
            body.put("reason", reason);
        }
        if (shadowShare != null) {
            body.put("shadowShare", shadowShare);
        }
        body.put("force", force);
        return read(send("PUT", MODES + "/" + segment(capability), JSON.writeValueAsString(body), SWITCH_TIMEOUT), CapabilityMode.class);
    }

    /** A capability's switches, newest first. */
    public List<ModeChange> history(String capability) {
        return read(send("GET", MODES + "/" + segment(capability) + "/history", null, READ_TIMEOUT), new TypeReference<List<ModeChange>>() {
        });
    }

    /** The shadow diff of every capability. */
    public MigrationDiff diff() {
        return read(send("GET", "/migration/diff", null, READ_TIMEOUT), MigrationDiff.class);
    }

    /** An answer's body and what it answered, for the messages. */
    private record Answer(String request, String body) {
    }

    private Answer send(String method, String path, String body, Duration timeout) {
        String request = method + " " + path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw problem(request, response.statusCode(), response.body());
            }
            return new Answer(request, response.body());
        } catch (HttpTimeoutException e) {
            throw new PlatformException("the order monolith at " + baseUrl + " did not answer " + request + " within " + timeout.toSeconds()
                    + " s", e);
        } catch (IOException e) {
            throw new PlatformException("the order monolith at " + baseUrl + " does not answer " + request + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while asking the order monolith at " + baseUrl + " " + request, e);
        }
    }

    /**
     * The problem a non-2xx answer describes. A body that is no problem document (a proxy's page, the 404 of a monolith
     * without this API) is given by its start, so the message still says what came back.
     */
    static MigrationProblem problem(String request, int status, String body) {
        JsonNode problem = null;
        try {
            problem = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            // not JSON: told below by its start
        }
        if (problem == null || !problem.isObject() || !(problem.has("title") || problem.has("detail"))) {
            return new MigrationProblem(request, status, null, start(body), List.of());
        }
        List<MigrationProblem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new MigrationProblem.FieldError(error.path("field").asString("?"), error.path("message").asString("")));
        }
        return new MigrationProblem(request, status, text(problem, "title"), text(problem, "detail"), errors);
    }

    private <T> T read(Answer answer, TypeReference<T> type) {
        try {
            return JSON.readValue(answer.body(), type);
        } catch (JacksonException e) {
            throw unreadable(answer, e);
        }
    }

    private <T> T read(Answer answer, Class<T> type) {
        try {
            return JSON.readValue(answer.body(), type);
        } catch (JacksonException e) {
            throw unreadable(answer, e);
        }
    }

    private PlatformException unreadable(Answer answer, JacksonException e) {
        return new PlatformException("the order monolith at " + baseUrl + " answered " + answer.request() + " with what this client "
                + "cannot read (" + e.getOriginalMessage() + "): " + start(answer.body()), e);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The first line of a body, up to 200 characters: enough to recognise an error page. */
    private static String start(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String segment(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
