package io.relaybox.connect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;

class WriteMetricsTest {

    @Test
    void countsRecordsRequestsRetriesAndRequestTimeAsTheTasksPluginMetrics() throws Exception {
        try (Metrics registry = new Metrics()) {
            WriteMetrics metrics = WriteMetrics.of(context(new PluginMetricsImpl(registry, Map.of("connector", "es", "task", "0"))),
                    "bulk", "Elasticsearch");

            metrics.written(3);
            metrics.written(4);
            metrics.requestTook(10);
            metrics.requestTook(30);
            metrics.retried();

            assertThat(value(registry, "bulk-records-written-total")).isEqualTo(7.0);
            assertThat(value(registry, "bulk-requests-total")).isEqualTo(2.0);
            assertThat(value(registry, "bulk-request-time-avg-ms")).isEqualTo(20.0);
            assertThat(value(registry, "bulk-request-time-max-ms")).isEqualTo(30.0);
            assertThat(value(registry, "bulk-retries-total")).isEqualTo(1.0);
            assertThat(registry.metrics().keySet()).filteredOn(name -> name.name().equals("bulk-retries-total"))
                    .extracting(MetricName::group, MetricName::tags)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("plugins", Map.of("connector", "es", "task", "0")));
        }
    }

    @Test
    void twoTasksOfOneWorkerCountApart() throws Exception {
        try (Metrics registry = new Metrics()) {
            WriteMetrics first = WriteMetrics.of(context(new PluginMetricsImpl(registry, Map.of("connector", "es", "task", "0"))), "bulk", "ES");
            WriteMetrics second = WriteMetrics.of(context(new PluginMetricsImpl(registry, Map.of("connector", "es", "task", "1"))), "bulk", "ES");

            first.written(5);
            second.written(2);

            assertThat(registry.metrics().entrySet()).filteredOn(e -> e.getKey().name().equals("bulk-records-written-total"))
                    .extracting(e -> e.getKey().tags().get("task"), e -> e.getValue().metricValue())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("0", 5.0), org.assertj.core.groups.Tuple.tuple("1", 2.0));
        }
    }

    @Test
    void aTaskStartedAgainWhileItsEarlierInstanceHoldsTheNamesRunsAndCountsOnceTheyAreFree() throws Exception {
        try (Metrics registry = new Metrics()) {
            Map<String, String> task = Map.of("connector", "es", "task", "0");
            PluginMetricsImpl abandoned = new PluginMetricsImpl(registry, task);
            WriteMetrics.of(context(abandoned), "bulk", "ES").written(5);
            java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

            WriteMetrics restarted = new WriteMetrics(new PluginMetricsImpl(registry, task), "bulk", "ES", nanos::get);
            restarted.written(1);
            assertThat(value(registry, "bulk-records-written-total")).as("the abandoned instance's count").isEqualTo(5.0);

            abandoned.close();
            restarted.written(2);
            assertThat(registry.metrics().keySet()).as("not tried again before the interval")
                    .noneMatch(name -> name.name().equals("bulk-records-written-total"));

            nanos.addAndGet(WriteMetrics.REGISTRATION_RETRY.toNanos());
            restarted.written(3);
            restarted.retried();
            assertThat(value(registry, "bulk-records-written-total")).isEqualTo(3.0);
            assertThat(value(registry, "bulk-retries-total")).isEqualTo(1.0);
        }
    }

    @Test
    void countsNothingOnAWorkerWithoutPluginMetrics() {
        WriteMetrics metrics = WriteMetrics.of(context(null), "upload", "S3");

        metrics.written(1);
        metrics.retried();

        assertThat(metrics).isSameAs(WriteMetrics.none());
    }

    private static double value(Metrics registry, String name) {
        return registry.metrics().entrySet().stream().filter(e -> e.getKey().name().equals(name)).findFirst().orElseThrow()
                .getValue().metricValue() instanceof Double d ? d : Double.NaN;
    }

    /** A task context whose only answer is its plugin metrics. */
    private static SinkTaskContext context(PluginMetrics pluginMetrics) {
        return (SinkTaskContext) Proxy.newProxyInstance(WriteMetricsTest.class.getClassLoader(), new Class<?>[] {SinkTaskContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("pluginMetrics")) {
                        return pluginMetrics;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
