package io.relaybox.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An exporter's metrics endpoint on loopback, {@code http://127.0.0.1:<port>/metrics}; it is ready when it answers 200.
 *
 * @param port the exporter's HTTP port
 */
record MetricsEndpoint(int port) implements ReadinessCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Where Prometheus scrapes it. */
    String url() {
        return "http://127.0.0.1:" + port + "/metrics";
    }

    @Override
    public boolean isReady() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
