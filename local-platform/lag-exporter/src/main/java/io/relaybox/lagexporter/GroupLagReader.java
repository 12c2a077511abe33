package io.relaybox.lagexporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Reads every consumer group's committed offsets and the partitions' last stable offsets through the Admin API. */
final class GroupLagReader {

    private final Admin admin;
    private final Duration timeout;

    GroupLagReader(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    GroupLag read() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().map(GroupListing::groupId).sorted().toList();
        if (groups.isEmpty()) {
            return new GroupLag(List.of(), Map.of());
        }
        Map<String, Integer> members = new HashMap<>();
        Collection<ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).values();
        descriptions.forEach(description -> members.put(description.groupId(), description.members().size()));
        // every group's offsets in one request per coordinator, not one request per group at each scrape
        Map<String, ListConsumerGroupOffsetsSpec> all = new HashMap<>();
        groups.forEach(group -> all.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(all).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> lastStable = ends.isEmpty() ? Map.of()
                : admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<PartitionLag> partitions = new ArrayList<>();
        committed.forEach((group, offsets) -> offsets.forEach((partition, offset) -> {
            ListOffsetsResultInfo end = lastStable.get(partition);
            if (offset != null && end != null) {
                partitions.add(new PartitionLag(group, partition.topic(), partition.partition(), offset.offset(), end.offset()));
            }
        }));
        return new GroupLag(partitions, members);
    }
}
