package io.relaybox.connect.support;

import java.util.LinkedHashMap;
import java.util.UUID;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A sink task's own metrics, registered through Connect's plugin metrics (KIP-877): the worker publishes them with its
 * own, as the MBean {@code kafka.connect:type=plugins,connector=<name>,task=<id>} (the platform's JMX exporter serves
 * them as {@code kafka_connect_plugin_<name>}). For a writer that sends requests of records to a store: records written,
 * requests sent, retries, request time. Thread-safe (Kafka's sensors are).
 */
public final class WriteMetrics {

    private static final WriteMetrics NONE = new WriteMetrics(null, null, null);

    private final Sensor written;
    private final Sensor requests;
    private final Sensor retries;

    private WriteMetrics(Sensor written, Sensor requests, Sensor retries) {
        this.written = written;
        this.requests = requests;
        this.retries = retries;
    }

    /**
     * The metrics of a task, named {@code <prefix>-records-written-total}, {@code <prefix>-requests-total},
     * {@code <prefix>-request-time-avg-ms}, {@code <prefix>-request-time-max-ms} and {@code <prefix>-retries-total}; none
     * on a worker older than Kafka 4.1, which has no plugin metrics.
     *
     * @param context the task's context
     * @param prefix what a request is, e.g. {@code bulk} or {@code upload}
     * @param what what the requests write to, for the descriptions, e.g. {@code Elasticsearch}
     */
    public static WriteMetrics of(SinkTaskContext context, String prefix, String what) {
        PluginMetrics metrics;
        try {
            metrics = context.pluginMetrics();
        } catch (LinkageError | UnsupportedOperationException e) {
            return NONE;
        }
        if (metrics == null) {
            return NONE;
        }
        // sensor names are the worker's, not the task's: the same name in two tasks would be one sensor counting for both
        String instance = "-" + UUID.randomUUID();
        Sensor written = metrics.addSensor(prefix + "-records-written" + instance);
        written.add(name(metrics, prefix + "-records-written-total", "Records " + what + " acknowledged"), new CumulativeSum());
        Sensor requests = metrics.addSensor(prefix + "-requests" + instance);
        requests.add(name(metrics, prefix + "-requests-total", "Requests sent to " + what), new CumulativeCount());
        requests.add(name(metrics, prefix + "-request-time-avg-ms", "Average time of a request to " + what), new Avg());
        requests.add(name(metrics, prefix + "-request-time-max-ms", "Longest request to " + what), new Max());
        Sensor retries = metrics.addSensor(prefix + "-retries" + instance);
        retries.add(name(metrics, prefix + "-retries-total", "Requests to " + what + " retried after a transient failure"),
                new CumulativeCount());
        return new WriteMetrics(written, requests, retries);
    }

    /** No metrics: for tests and workers without plugin metrics. */
    public static WriteMetrics none() {
        return NONE;
    }

    /** Records the store acknowledged. */
    public void written(int records) {
        if (written != null) {
            written.record(records);
        }
    }

    /** A request was answered (or failed) after this many milliseconds. */
    public void requestTook(long millis) {
        if (requests != null) {
            requests.record(millis);
        }
    }

    /** A request is retried. */
    public void retried() {
        if (retries != null) {
            retries.record();
        }
    }

    private static MetricName name(PluginMetrics metrics, String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }
}
