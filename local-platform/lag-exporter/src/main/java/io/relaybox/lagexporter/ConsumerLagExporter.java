package io.relaybox.lagexporter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves every consumer group's lag in Prometheus's text format at {@code http://<host>:<port>/metrics}, read from
 * the broker at each scrape. Usage: {@code ConsumerLagExporter --bootstrap-servers=HOST:PORT --port=PORT [--host=HOST]}
 * (the address to listen on, {@code 127.0.0.1} unless told: docker-compose gives {@code 0.0.0.0}). Runs until it is
 * stopped (SIGTERM).
 */
public final class ConsumerLagExporter {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

    private ConsumerLagExporter() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = Options.parse(args);
        String bootstrapServers = Options.required(options, "bootstrap-servers");
        int port = Integer.parseInt(Options.required(options, "port"));
        String host = options.getOrDefault("host", "127.0.0.1");
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "relaybox-lag-exporter",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis()));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new GroupLagCollector(new GroupLagReader(admin, READ_TIMEOUT)::read));
        HTTPServer server = HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            admin.close(Duration.ofSeconds(5));
            stopped.countDown();
        }, "lag-exporter-stop"));
        System.out.println("serving the consumer groups' lag of " + bootstrapServers + " at http://" + host + ":" + port + "/metrics");
        stopped.await();
    }
}
