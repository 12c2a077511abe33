package io.relaybox.lagexporter;

/**
 * One consumer group's position on one partition, as the broker sees it.
 *
 * @param group the consumer group
 * @param topic the topic
 * @param partition the partition
 * @param committed the group's committed offset: the next record it will read
 * @param lastStable the partition's last stable offset: the end a {@code read_committed} reader can reach (records of
 *        open transactions are not counted as lag yet)
 */
public record PartitionLag(String group, String topic, int partition, long committed, long lastStable) {

    /** Records the group has still to read; never negative (a commit may overtake a stale end offset). */
    public long lag() {
        return Math.max(0, lastStable - committed);
    }
}
