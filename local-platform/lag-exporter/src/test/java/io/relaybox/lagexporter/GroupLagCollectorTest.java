package io.relaybox.lagexporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

class GroupLagCollectorTest {

    @Test
    void lagIsTheLastStableOffsetMinusTheCommittedOneAndNeverNegative() {
        assertThat(new PartitionLag("g", "orders.events", 0, 40, 100).lag()).isEqualTo(60);
        assertThat(new PartitionLag("g", "orders.events", 0, 100, 90).lag()).isZero();
    }

    @Test
    void servesLagOffsetAndMembersPerGroupInTheKafkaExporterNames() throws IOException {
        GroupLag lag = new GroupLag(List.of(new PartitionLag("inventory-service", "orders.events", 3, 40, 100)),
                Map.of("inventory-service", 2));

        String text = text(new GroupLagCollector(() -> lag).collect());

        assertThat(text).contains(
                "kafka_consumergroup_lag{consumergroup=\"inventory-service\",partition=\"3\",topic=\"orders.events\"} 60.0",
                "kafka_consumergroup_current_offset{consumergroup=\"inventory-service\",partition=\"3\",topic=\"orders.events\"} 40.0",
                "kafka_consumergroup_members{consumergroup=\"inventory-service\"} 2.0",
                "kafka_consumergroup_lag_read_ok 1.0");
    }

    @Test
    void saysSoWhenTheBrokerDoesNotAnswerInsteadOfServingStaleLag() throws IOException {
        String text = text(new GroupLagCollector(() -> {
            throw new TimeoutException("no broker");
        }).collect());

        assertThat(text).contains("kafka_consumergroup_lag_read_ok 0.0").doesNotContain("kafka_consumergroup_lag{");
    }

    private static String text(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PrometheusTextFormatWriter(false).write(out, snapshots);
        return out.toString(StandardCharsets.UTF_8);
    }
}
