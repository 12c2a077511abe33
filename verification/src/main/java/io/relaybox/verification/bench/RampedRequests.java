package io.relaybox.verification.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.relaybox.verification.audit.OrderGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JMeter thread group of {@code POST /orders}: N requests, one per client, started evenly over a ramp-up period
 * (request i leaves at i × ramp-up / N), each answered or given up after the client timeout, whatever the others do.
 */
final class RampedRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * One request as the client saw it.
     *
     * @param millis from sending to the answer (or to giving up)
     * @param status the HTTP status; 0 when no answer came
     * @param orderId the order it placed (from a 201, or a 503 that names the order it cancelled); null otherwise
     */
    record Answer(long millis, int status, String orderId) {
    }

    private final URI orders;
    private final OrderGenerator generator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RampedRequests(String ordersApi, OrderGenerator generator) {
        this.orders = URI.create(ordersApi.replaceAll("/+$", "") + "/orders");
        this.generator = generator;
    }

    /** Sends the requests and returns every answer, once the last one came (or timed out). */
    List<Answer> send(int requests, Duration rampUp) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(requests, 256));
        List<Future<Answer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < requests; i++) {
                long leaveAt = start + rampUp.toNanos() * i / requests;
                String order = generator.nextOrderJson();
                answers.add(clients.submit(() -> {
                    long wait = leaveAt - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    return place(order);
                }));
            }
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                try {
                    result.add(answer.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    result.add(new Answer(CLIENT_TIMEOUT.toMillis(), 0, null));
                }
            }
            return result;
        } finally {
            clients.shutdownNow();
        }
    }

    private Answer place(String order) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders).timeout(CLIENT_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - sent) / 1_000_000;
            return new Answer(millis, response.statusCode(), orderId(response.body()));
        } catch (java.io.IOException e) {
            return new Answer((System.nanoTime() - sent) / 1_000_000, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer((System.nanoTime() - sent) / 1_000_000, 0, null);
        }
    }

    private static String orderId(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("orderId");
            return id.isMissingNode() || id.isNull() ? null : id.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
