package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain-HTTP proxy in front of Elasticsearch that, while armed, answers in turn: 429 (es_rejected_execution_exception,
 * not forwarded), 503 (not forwarded), and 503 after forwarding (Elasticsearch did the work, the answer is lost).
 */
final class FaultInjectingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");
    private static final String TOO_MANY_REQUESTS = "{\"error\":{\"root_cause\":[{\"type\":\"es_rejected_execution_exception\","
            + "\"reason\":\"rejected execution of coordinating operation\"}],\"type\":\"es_rejected_execution_exception\","
            + "\"reason\":\"rejected execution of coordinating operation\"},\"status\":429}";

    private final URI target;
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final AtomicLong armedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong pendingWindowNanos = new AtomicLong();
    private final AtomicInteger turn = new AtomicInteger();
    final AtomicInteger tooManyRequests = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger lostAnswers = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    FaultInjectingProxy(URI target, SSLContext trust) throws IOException {
        this.target = target;
        this.client = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Injects faults for the duration, starting with the next request (so that a slow machine cannot miss the window). */
    void failFor(Duration window) {
        pendingWindowNanos.set(window.toNanos());
    }

    int faults() {
        return tooManyRequests.get() + unavailable.get() + lostAnswers.get();
    }

    private boolean armed() {
        long window = pendingWindowNanos.getAndSet(0);
        if (window > 0) {
            armedUntilNanos.set(System.nanoTime() + window);
        }
        return System.nanoTime() - armedUntilNanos.get() < 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (armed()) {
                switch (turn.getAndIncrement() % 3) {
                    case 0 -> {
                        tooManyRequests.incrementAndGet();
                        answer(exchange, 429, "application/json", TOO_MANY_REQUESTS.getBytes(StandardCharsets.UTF_8), Map.of());
                        return;
                    }
                    case 1 -> {
                        unavailable.incrementAndGet();
                        answer(exchange, 503, "text/plain", "upstream unavailable".getBytes(StandardCharsets.UTF_8), Map.of());
                        return;
                    }
                    default -> {
                        forward(exchange, body);
                        lostAnswers.incrementAndGet();
                        answer(exchange, 503, "text/plain", "answer lost".getBytes(StandardCharsets.UTF_8), Map.of());
                        return;
                    }
                }
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            answer(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("application/json"), response.body(),
                    response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        forwarded.incrementAndGet();
        return response;
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equalsIgnoreCase("content-type") && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
