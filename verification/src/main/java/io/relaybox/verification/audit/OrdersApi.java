package io.relaybox.verification.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order monolith's HTTP API, as a client sees it. */
public final class OrdersApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OrdersApi(String baseUrl) {
        this.baseUri = URI.create(baseUrl.replaceAll("/+$", "") + "/");
    }

    /**
     * Places an order.
     *
     * @return the created order as the API returned it
     * @throws IllegalStateException when the API does not answer 201
     */
    public JsonNode place(String orderJson) {
        return expect(send(HttpRequest.newBuilder(baseUri.resolve("orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(orderJson))), 201, "POST /orders");
    }

    /**
     * Places an order as a client in a trace: the request carries the W3C {@code traceparent}.
     *
     * @return the created order as the API returned it
     * @throws IllegalStateException when the API does not answer 201
     */
    public JsonNode place(String orderJson, String traceparent) {
        return expect(send(HttpRequest.newBuilder(baseUri.resolve("orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(orderJson))), 201, "POST /orders");
    }

    /** Cancels an order and returns it as the API returned it. */
    public JsonNode cancel(String orderId) {
        return expect(send(HttpRequest.newBuilder(baseUri.resolve("orders/" + orderId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody())), 200, "POST /orders/" + orderId + "/cancel");
    }

    /**
     * Cancels an order unless it is cancelled already (by the saga, say).
     *
     * @return the cancelled order as the API returned it, or empty when the API answered 409
     */
    public java.util.Optional<JsonNode> cancelUnlessCancelled(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri.resolve("orders/" + orderId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 409) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(expect(response, 200, "POST /orders/" + orderId + "/cancel"));
    }

    /** Reads an order. */
    public JsonNode get(String orderId) {
        return expect(send(HttpRequest.newBuilder(baseUri.resolve("orders/" + orderId)).GET()), 200, "GET /orders/" + orderId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the orders API at " + baseUri + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
