package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class PrometheusServerTest {

    @Test
    void scrapesEachKindOfProcessAsOneJobWithEachInstanceNamed() {
        PrometheusServer server = new PrometheusServer(Path.of("/usr/bin/prometheus"), Path.of("target/prometheus-test"), 19090,
                List.of(new ScrapeTarget("kafka", "kafka", "http://127.0.0.1:19404/metrics"),
                        new ScrapeTarget("inventory-service", "inventory-service-1", "http://127.0.0.1:18081/actuator/prometheus"),
                        new ScrapeTarget("inventory-service", "inventory-service-2", "http://127.0.0.1:18082/actuator/prometheus")),
                Path.of("/repo/connect-config/monitoring/prometheus/alerts.yml"), Path.of("target/prometheus-test.log"));

        String configuration = server.configuration();

        assertThat(configuration).contains("rule_files:\n  - '/repo/connect-config/monitoring/prometheus/alerts.yml'\n")
                .contains("  - job_name: 'prometheus'\n    metrics_path: '/metrics'\n    static_configs:\n"
                        + "      - targets: ['127.0.0.1:19090']\n")
                .contains("  - job_name: 'kafka'\n    metrics_path: '/metrics'\n    static_configs:\n"
                        + "      - targets: ['127.0.0.1:19404']\n        labels: {instance: 'kafka'}\n")
                .contains("  - job_name: 'inventory-service'\n    metrics_path: '/actuator/prometheus'\n    static_configs:\n"
                        + "      - targets: ['127.0.0.1:18081']\n        labels: {instance: 'inventory-service-1'}\n"
                        + "      - targets: ['127.0.0.1:18082']\n        labels: {instance: 'inventory-service-2'}\n");
    }

    @Test
    void plansMonitoringPortsApartFromEveryOtherPort() {
        PortPlan ports = PortPlan.free();

        java.util.Set<Integer> all = new java.util.HashSet<>(ports.services().values());
        all.addAll(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.connect(), ports.elasticsearch(),
                ports.elasticsearchTransport(), ports.s3(), ports.smtp(), ports.mailApi()));
        all.addAll(ports.monitoring().values());

        assertThat(ports.monitoring()).containsOnlyKeys(PortPlan.MONITORING_DEFAULTS.keySet());
        assertThat(all).hasSize(9 + ports.services().size() + PortPlan.MONITORING_DEFAULTS.size());
    }
}
