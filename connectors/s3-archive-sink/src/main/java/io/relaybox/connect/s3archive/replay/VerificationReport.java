package io.relaybox.connect.s3archive.replay;

import java.util.List;
import java.util.Map;

/**
 * What {@link ArchiveVerifier} found in one topic's archive.
 *
 * @param partitions per partition: objects, records and the offset range covered
 * @param gaps offset ranges missing between or inside objects, e.g. {@code orders.events-0: 100..149}
 * @param overlaps objects whose offsets overlap an earlier object's, or records out of order
 * @param mismatchedKeys objects whose key does not match their first record (topic, partition, first offset, date)
 * @param duplicateEventIds event ids ({@code id} header) found more than once, with their count
 * @param recordsWithoutEventId records without an {@code id} header
 */
public record VerificationReport(String topic, Map<Integer, PartitionSummary> partitions, List<String> gaps, List<String> overlaps,
        List<String> mismatchedKeys, Map<String, Integer> duplicateEventIds, long recordsWithoutEventId) {

    /**
     * One partition.
     *
     * @param firstOffset the first archived offset, -1 when none
     * @param lastOffset the last archived offset, -1 when none
     */
    public record PartitionSummary(int objects, long records, long firstOffset, long lastOffset, long bytes) {
    }

    public long records() {
        return partitions.values().stream().mapToLong(PartitionSummary::records).sum();
    }

    public long objects() {
        return partitions.values().stream().mapToLong(PartitionSummary::objects).sum();
    }

    public long bytes() {
        return partitions.values().stream().mapToLong(PartitionSummary::bytes).sum();
    }

    /** True when there are no gaps, overlaps, mismatched keys or duplicate event ids. */
    public boolean isClean() {
        return gaps.isEmpty() && overlaps.isEmpty() && mismatchedKeys.isEmpty() && duplicateEventIds.isEmpty();
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(topic).append(": ").append(objects()).append(" objects, ").append(records()).append(" records, ").append(bytes())
                .append(" bytes; ").append(isClean() ? "OK" : "PROBLEMS").append('\n');
        partitions.forEach((p, s) -> out.append("  partition ").append(p).append(": ").append(s.objects()).append(" objects, ")
                .append(s.records()).append(" records, offsets ").append(s.firstOffset()).append("..").append(s.lastOffset()).append('\n'));
        gaps.forEach(g -> out.append("  gap ").append(g).append('\n'));
        overlaps.forEach(o -> out.append("  overlap ").append(o).append('\n'));
        mismatchedKeys.forEach(m -> out.append("  key mismatch ").append(m).append('\n'));
        duplicateEventIds.entrySet().stream().limit(20)
                .forEach(d -> out.append("  event ").append(d.getKey()).append(" archived ").append(d.getValue()).append(" times\n"));
        if (duplicateEventIds.size() > 20) {
            out.append("  ... ").append(duplicateEventIds.size() - 20).append(" more duplicate event ids\n");
        }
        if (recordsWithoutEventId > 0) {
            out.append("  ").append(recordsWithoutEventId).append(" records without an id header\n");
        }
        return out.toString();
    }
}
