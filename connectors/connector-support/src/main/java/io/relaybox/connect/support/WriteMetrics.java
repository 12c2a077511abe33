package io.relaybox.connect.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink task's own metrics, registered through Connect's plugin metrics (KIP-877): the worker publishes them with its
 * own, as the MBean {@code kafka.connect:type=plugins,connector=<name>,task=<id>} (the platform's JMX exporter serves
 * them as {@code kafka_connect_plugin_<name>}). For a writer that sends requests of records to a store: records written,
 * requests sent, retries, request time. Thread-safe (Kafka's sensors are).
 */
public final class WriteMetrics {

    /** How long after a refused registration it is tried again. */
    static final Duration REGISTRATION_RETRY = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(WriteMetrics.class);
    private static final WriteMetrics NONE = new WriteMetrics(null, null, null, System::nanoTime);

    private final PluginMetrics metrics;
    private final String prefix;
    private final String what;
    private final LongSupplier nanoTime;
    // sensor names are the worker's, not the task's: the same name in two tasks would be one sensor counting for both
    private final String instance = "-" + UUID.randomUUID();
    private volatile Sensors sensors;
    private long nextRegistration;
    private boolean refusalLogged;

    /** The three sensors, once their metrics are registered. */
    private record Sensors(Sensor written, Sensor requests, Sensor retries) {
    }

    WriteMetrics(PluginMetrics metrics, String prefix, String what, LongSupplier nanoTime) {
        this.metrics = metrics;
        this.prefix = prefix;
        this.what = what;
        this.nanoTime = nanoTime;
        this.nextRegistration = nanoTime.getAsLong();
    }

    /**
     * The metrics of a task, named {@code <prefix>-records-written-total}, {@code <prefix>-requests-total},
     * {@code <prefix>-request-time-avg-ms}, {@code <prefix>-request-time-max-ms} and {@code <prefix>-retries-total}; none
     * on a worker older than Kafka 4.1, which has no plugin metrics. While an earlier instance of the same task still
     * holds these names (the worker gave up waiting for it to stop, and started the task again), the registration is
     * tried again every {@link #REGISTRATION_RETRY} and nothing is counted: the task runs all the same.
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
        WriteMetrics writeMetrics = new WriteMetrics(metrics, prefix, what, System::nanoTime);
        writeMetrics.sensors();
        return writeMetrics;
    }

    /** The sensors; registers them first when that is due; null while their names are taken. */
    private Sensors sensors() {
        Sensors registered = sensors;
        if (registered != null || metrics == null) {
            return registered;
        }
        synchronized (this) {
            if (sensors == null && nanoTime.getAsLong() - nextRegistration >= 0) {
                nextRegistration = nanoTime.getAsLong() + REGISTRATION_RETRY.toNanos();
                sensors = register();
            }
            return sensors;
        }
    }

    private Sensors register() {
        List<String> added = new ArrayList<>();
        try {
            Sensor written = sensor(added, "records-written");
            written.add(name(prefix + "-records-written-total", "Records " + what + " acknowledged"), new CumulativeSum());
            Sensor requests = sensor(added, "requests");
            requests.add(name(prefix + "-requests-total", "Requests sent to " + what), new CumulativeCount());
            requests.add(name(prefix + "-request-time-avg-ms", "Average time of a request to " + what), new Avg());
            requests.add(name(prefix + "-request-time-max-ms", "Longest request to " + what), new Max());
            Sensor retries = sensor(added, "retries");
            retries.add(name(prefix + "-retries-total", "Requests to " + what + " retried after a transient failure"), new CumulativeCount());
            return new Sensors(written, requests, retries);
        } catch (IllegalArgumentException e) {
            added.forEach(metrics::removeSensor);
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warn("the task's {} metrics are not registered yet, tried again every {} s: {}", prefix,
                        REGISTRATION_RETRY.toSeconds(), e.getMessage());
            }
            return null;
        }
    }

    private Sensor sensor(List<String> added, String name) {
        String sensorName = prefix + "-" + name + instance;
        Sensor sensor = metrics.addSensor(sensorName);
        added.add(sensorName);
        return sensor;
    }

    /** No metrics: for tests and workers without plugin metrics. */
    public static WriteMetrics none() {
        return NONE;
    }

    /** Records the store acknowledged. */
    public void written(int records) {
        Sensors registered = sensors();
        if (registered != null) {
            registered.written().record(records);
        }
    }

    /** A request was answered (or failed) after this many milliseconds. */
    public void requestTook(long millis) {
        Sensors registered = sensors();
        if (registered != null) {
            registered.requests().record(millis);
        }
    }

    /** A request is retried. */
    public void retried() {
        Sensors registered = sensors();
        if (registered != null) {
            registered.retries().record();
        }
    }

    private MetricName name(String name, String description) {
        return metrics.metricName(name, description, new LinkedHashMap<>());
    }
}
