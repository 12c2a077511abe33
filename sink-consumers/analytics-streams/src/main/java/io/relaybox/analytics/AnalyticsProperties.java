package io.relaybox.analytics;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.relaybox.analytics.topology.AnalyticsSettings;

/**
 * {@code analytics.*}: the Kafka Streams application's identity, where it keeps its state, and how it windows.
 *
 * @param applicationId Kafka Streams' {@code application.id}: its consumer group, the prefix of its internal topics
 *        and its transactional ids
 * @param stateDir where the state stores live on disk (RocksDB); a restarted instance restores what is missing from
 *        their changelogs
 * @param minuteGrace how late an event may come and still count in its minute
 * @param hourGrace the same for hours
 * @param retention how long windows stay queryable
 * @param dedupeRetention how long an event id is remembered against a second copy
 * @param outputPartitions the partitions of each {@code analytics.*} topic the application creates when missing
 * @param threads stream threads of this instance
 * @param streams any other Kafka Streams, consumer or producer setting, by its Kafka name (e.g.
 *        {@code consumer.session.timeout.ms}); the settings above and the processing guarantee cannot be overridden
 */
@ConfigurationProperties("analytics")
public record AnalyticsProperties(
        @DefaultValue("analytics-streams") String applicationId,
        @DefaultValue("${java.io.tmpdir}/relaybox-analytics-streams") String stateDir,
        @DefaultValue("10m") Duration minuteGrace,
        @DefaultValue("10m") Duration hourGrace,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("7d") Duration dedupeRetention,
        @DefaultValue("6") int outputPartitions,
        @DefaultValue("1") int threads,
        Map<String, String> streams) {

    public AnalyticsProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    public AnalyticsSettings settings() {
        return new AnalyticsSettings(minuteGrace, hourGrace, retention, dedupeRetention);
    }
}
