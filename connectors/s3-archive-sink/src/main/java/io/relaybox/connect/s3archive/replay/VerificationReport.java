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
 * @param transactional whether the topic was written by transactional (exactly-once) producers: then its offsets have
 *        gaps by design (a commit marker after each transaction, the records of aborted ones), so gaps are listed but
 *        are no problem; whether an event is missing only the event ids can tell (the auditor's job)
 */
public record VerificationReport(String topic, Map<Integer, PartitionSummary> partitions, List<String> gaps, List<String> overlaps,
        List<String> mismatchedKeys, Map<String, Integer> duplicateEventIds, long recordsWithoutEventId, boolean transactional) {

    /** How many gaps of a transactional topic the summary lists. */
    private static final int LISTED_TRANSACTIONAL_GAPS = 5;

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

    /** True when there are no overlaps, mismatched keys or duplicate event ids, nor gaps unless the topic is transactional. */
    public boolean isClean() {
        return (transactional || gaps.isEmpty()) && overlaps.isEmpty() && mismatchedKeys.isEmpty() && duplicateEventIds.isEmpty();
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(topic).append(": ").append(objects()).append(" objects, ").append(records()).append(" records, ").append(bytes())
                .append(" bytes; ").append(isClean() ? "OK" : "PROBLEMS").append('\n');
        partitions.forEach((p, s) -> out.append("  partition ").append(p).append(": ").append(s.objects()).append(" objects, ")
                .append(s.records()).append(" records, offsets ").append(s.firstOffset()).append("..").append(s.lastOffset()).append('\n'));
        if (transactional && !gaps.isEmpty()) {
            out.append("  ").append(gaps.size()).append(" offset gaps, expected in a transactional topic (commit markers, aborted transactions)")
                    .append('\n');
            gaps.stream().limit(LISTED_TRANSACTIONAL_GAPS).forEach(g -> out.append("    ").append(g).append('\n'));
        } else {
            gaps.forEach(g -> out.append("  gap ").append(g).append('\n'));
        }
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
