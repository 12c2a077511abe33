package io.relaybox.verification.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind: the records between its committed offsets and the ends of its partitions
 * (on transactional topics the commit markers count too, one per transaction).
 */
final class GroupLag implements AutoCloseable {

    private final Admin admin;

    GroupLag(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        this.admin = Admin.create(properties);
    }

    /** The lag of every consumer group the broker knows (the services' and the sink connectors'), by group. */
    Map<String, Long> all() throws Exception {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            lags.put(group.groupId(), of(group.groupId()));
        }
        return lags;
    }

    /** The lag of one group; 0 when it has committed nothing. */
    long of(String group) throws Exception {
        return partitionLags(group).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The records every consumer group together is behind beyond one per partition: 0 once each group read everything
     * but, at most, the commit marker that follows a transaction's last record (a consumer commits the offset after the
     * record it read, before the marker it has not polled yet).
     */
    long beyondCommitMarkers() throws Exception {
        long behind = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            behind += partitionLags(group.groupId()).values().stream().mapToLong(lag -> Math.max(0, lag - 1)).sum();
        }
        return behind;
    }

    private Map<TopicPartition, Long> partitionLags(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, Long> lags = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                lags.put(partition, Math.max(0, ends.get(partition).offset() - offset.offset()));
            }
        });
        return lags;
    }

    @Override
    public void close() {
        admin.close();
    }
}
