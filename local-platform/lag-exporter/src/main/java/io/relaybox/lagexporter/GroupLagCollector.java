package io.relaybox.lagexporter;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The metrics of one read, made at each scrape: {@code kafka_consumergroup_lag}, {@code kafka_consumergroup_current_offset}
 * (per group, topic and partition), {@code kafka_consumergroup_members} (per group) and
 * {@code kafka_consumergroup_lag_read_ok} (1 when the broker answered, 0 when it did not: the other metrics are then
 * absent). The names and labels are those of the widely used kafka_exporter, so its dashboards and rules fit.
 */
final class GroupLagCollector implements MultiCollector {

    /** One read of the broker; throws when the broker does not answer in time. */
    @FunctionalInterface
    interface Reading {
        GroupLag read() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private final Reading reading;

    GroupLagCollector(Reading reading) {
        this.reading = reading;
    }

    @Override
    public MetricSnapshots collect() {
        GroupLag lag;
        try {
            lag = reading.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MetricSnapshots.of(readOk(0));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            System.err.println("cannot read the consumer groups' offsets: " + e);
            return MetricSnapshots.of(readOk(0));
        }
        return snapshots(lag);
    }

    /** The metrics of one read (visible for testing). */
    static MetricSnapshots snapshots(GroupLag lag) {
        GaugeSnapshot.Builder lagGauge = gauge("kafka_consumergroup_lag",
                "Records a consumer group has still to read on a partition: last stable offset minus committed offset");
        GaugeSnapshot.Builder offsetGauge = gauge("kafka_consumergroup_current_offset",
                "A consumer group's committed offset on a partition");
        for (PartitionLag partition : lag.partitions()) {
            Labels labels = Labels.of("consumergroup", partition.group(), "partition", Integer.toString(partition.partition()),
                    "topic", partition.topic());
            lagGauge.dataPoint(point(partition.lag(), labels));
            offsetGauge.dataPoint(point(partition.committed(), labels));
        }
        GaugeSnapshot.Builder membersGauge = gauge("kafka_consumergroup_members", "The members of a consumer group");
        lag.members().forEach((group, members) -> membersGauge.dataPoint(point(members, Labels.of("consumergroup", group))));
        return MetricSnapshots.of(lagGauge.build(), offsetGauge.build(), membersGauge.build(), readOk(1));
    }

    private static GaugeSnapshot readOk(int value) {
        return gauge("kafka_consumergroup_lag_read_ok", "1 when the last read of the consumer groups' offsets succeeded")
                .dataPoint(point(value, Labels.EMPTY)).build();
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeDataPointSnapshot point(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }
}
