package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.relaybox.platform.PlatformLayout;

class QueriedMetricsTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNotItsFunctionsLabelsOrDurations() {
        assertThat(QueriedMetrics.names("sum by (consumergroup, topic) (kafka_consumergroup_lag{consumergroup!~\"connect-s3.*\"})"
                + " > sum by (consumergroup) (kafka_consumergroup_lag offset 1m) and changes(pg_x_bytes[1m]) == 0 and up == 0"))
                .containsExactly("kafka_consumergroup_lag", "pg_x_bytes", "up");
    }

    @Test
    void findsEveryMetricTheShippedRulesRead() throws Exception {
        assertThat(QueriedMetrics.inRules(PlatformLayout.detect().monitoringFolder().resolve("prometheus/alerts.yml")))
                .containsExactlyInAnyOrder("up", "kafka_connect_connector_status", "kafka_connect_connector_task_status",
                        "pg_replication_slots_unconfirmed_wal_bytes", "pg_replication_slots_confirmed_flush_lsn_bytes",
                        "pg_replication_slots_retained_wal_bytes", "pg_replication_slots_invalidated", "kafka_consumergroup_lag",
                        "kafka_consumergroup_current_offset", "kafka_log_logendoffset", "kafka_log_logstartoffset");
    }

    @Test
    void findsEveryMetricTheDashboardsPanelsRead() throws Exception {
        assertThat(QueriedMetrics.inDashboard(PlatformLayout.detect().monitoringFolder().resolve("grafana/dashboards/relaybox.json")))
                .contains("debezium_postgres_streaming_millisecondsbehindsource", "kafka_server_brokertopicmetrics_messagesinpersec_total",
                        "kafka_consumergroup_lag", "kafka_connect_plugin_bulk_retries_total", "pg_replication_slots_retained_wal_bytes",
                        "relaybox_inbox_handle_seconds_count")
                .doesNotContain("rate", "sum", "max", "by");
    }
}
