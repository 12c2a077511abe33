package io.relaybox.connectctl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP plumbing of {@link ConnectClient}: sends requests with the credentials, retries a 409 (the worker group is
 * rebalancing) with backoff, and turns every refusal into a {@link ConnectRestException} with one clear line.
 */
final class RestTransport {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final int REBALANCE_RETRIES = 8;

    /** Waits between retries; a test passes one that does not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI baseUri;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final Sleeper sleeper;

    RestTransport(URI baseUri, Optional<String> authorization, Sleeper sleeper) {
        this.baseUri = URI.create(baseUri.toString().replaceAll("/+$", "") + "/");
        this.authorization = authorization;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    URI baseUri() {
        return baseUri;
    }

    RestTransport withAuthorization(String value) {
        return new RestTransport(baseUri, Optional.of(value), sleeper);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    /**
     * Sends the request, and again with growing pauses while the worker says its group is rebalancing: a 409, or a 500
     * "Request cannot be completed because a rebalance is expected" (what a worker answers right after a config change).
     */
    HttpResponse<String> sendRetryingRebalance(Supplier<HttpRequest.Builder> request) {
        Duration backoff = FIRST_BACKOFF;
        HttpResponse<String> response = send(request.get());
        for (int attempt = 1; isRebalance(response) && attempt <= REBALANCE_RETRIES; attempt++) {
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            response = send(request.get());
        }
        if (isRebalance(response)) {
            throw new ConnectRestException(response.statusCode(), describe(response) + ": the worker group is still rebalancing after "
                    + REBALANCE_RETRIES + " retries (" + response.statusCode() + "): " + errorMessage(response)
                    + "; try again when the workers settled");
        }
        return response;
    }

    private static boolean isRebalance(HttpResponse<String> response) {
        return response.statusCode() == 409
                || response.statusCode() == 500 && errorMessage(response).toLowerCase(java.util.Locale.ROOT).contains("rebalance");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ConnectRestException("the Connect worker at " + baseUri + " is unreachable (connection refused)", e);
        } catch (HttpConnectTimeoutException e) {
            throw new ConnectRestException("the Connect worker at " + baseUri + " is unreachable (connect timed out)", e);
        } catch (IOException e) {
            throw new ConnectRestException("the Connect worker at " + baseUri + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException("interrupted while calling " + built.uri(), e);
        }
    }

    static HttpResponse<String> expectOneOf(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw refusal(response);
    }

    /** The exception for an answer that is not what the caller expected: one line, with the worker's own message. */
    static ConnectRestException refusal(HttpResponse<String> response) {
        String reason = switch (response.statusCode()) {
            case 400 -> "bad request (400)";
            case 401 -> "authentication failed (401): wrong or missing user and password";
            case 403 -> "forbidden (403): the user may not do this";
            case 404 -> "not found (404)";
            case 409 -> "conflict (409)";
            case 500 -> "the worker failed (500)";
            default -> "HTTP " + response.statusCode();
        };
        String message = errorMessage(response);
        return new ConnectRestException(response.statusCode(), describe(response) + ": " + reason + (message.isBlank() ? "" : ": " + message));
    }

    static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String describe(HttpResponse<String> response) {
        URI uri = response.uri();
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return response.request().method() + " " + target;
    }

    /** The worker's {@code message}, on one line; an HTML or empty error page yields an empty string. */
    static String errorMessage(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        String message;
        try {
            JsonNode json = JSON.readTree(body);
            message = json != null && json.has("message") ? json.path("message").asString("") : body;
        } catch (RuntimeException e) {
            message = body;
        }
        if (message.startsWith("<")) {
            return "";
        }
        return message.replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectRestException("interrupted", e);
        }
    }
}
