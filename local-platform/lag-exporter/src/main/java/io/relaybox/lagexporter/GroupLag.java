package io.relaybox.lagexporter;

import java.util.List;

/**
 * What one read of the broker found: each group's lag per partition, and each group's members.
 *
 * @param partitions every partition some group committed an offset for
 * @param members each group's number of members, by group
 */
public record GroupLag(List<PartitionLag> partitions, java.util.Map<String, Integer> members) {

    public GroupLag {
        partitions = List.copyOf(partitions);
        members = java.util.Map.copyOf(members);
    }
}
