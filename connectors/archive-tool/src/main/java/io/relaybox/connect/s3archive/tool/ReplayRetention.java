package io.relaybox.connect.s3archive.tool;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A replay keeps the records' original timestamps, and Kafka's time retention counts from them: records older than the
 * target topic's {@code retention.ms} would be deleted soon after the replay. This check says so before anything is
 * produced.
 */
final class ReplayRetention {

    private ReplayRetention() {
    }

    /** The target topic's {@code retention.ms} (-1: unlimited). */
    static long of(Properties clientProperties, String topic) {
        Properties admin = new Properties();
        admin.putAll(clientProperties);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin client = Admin.create(admin)) {
            Map<ConfigResource, Config> configs = client.describeConfigs(java.util.List.of(resource)).all().get(30, TimeUnit.SECONDS);
            return Long.parseLong(configs.get(resource).get(TopicConfig.RETENTION_MS_CONFIG).value());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the retention of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Why replaying records from {@code earliest} into the topic would lose them, or empty when it would not.
     *
     * @param earliest the UTC date of the oldest record to replay (the archive's {@code dt=}), if there is any
     * @param retentionMs the target's {@code retention.ms}; negative means unlimited
     */
    static Optional<String> problem(Optional<LocalDate> earliest, long retentionMs, Instant now, String topic) {
        if (earliest.isEmpty() || retentionMs < 0) {
            return Optional.empty();
        }
        Instant oldest = earliest.get().atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration retention = Duration.ofMillis(retentionMs);
        if (!oldest.isBefore(now.minus(retention))) {
            return Optional.empty();
        }
        return Optional.of("the records to replay go back to " + earliest.get() + ", but " + topic + " keeps records for " + retention
                + " (retention.ms=" + retentionMs + ") counted from their original timestamps: Kafka would delete them soon after the "
                + "replay. Create the target with retention.ms=-1 (or long enough), or pass --ignore-retention");
    }
}
