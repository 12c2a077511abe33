package io.relaybox.connect.s3archive.replay;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.relaybox.connect.support.OutboxHeaders;

/**
 * What {@link ArchiveVerifier} found in one topic's archive.
 *
 * @param partitions per partition: objects, records and the offset range covered
 * @param gaps offset ranges missing between or inside objects, e.g. {@code orders.events-0: 100..149}
 * @param overlaps objects whose offsets overlap an earlier object's, or records out of order
 * @param mismatchedKeys objects whose key does not match their first record (topic, partition, first offset, date)
 * @param duplicates event ids ({@code id} header) found more than once, each with every place it was found, ordered
 *        by where its first copy is
 * @param distinctEventIds how many different event ids the topic's records have
 * @param recordsWithoutEventId records without an {@code id} header (or with an empty one): they cannot be checked for
 *        duplicates
 * @param firstWithoutEventId where the first of those is
 * @param transactional whether the topic was written by transactional (exactly-once) producers: then its offsets have
 *        gaps by design (a commit marker after each transaction, the records of aborted ones), so gaps are listed but
 *        are no problem; whether an event is missing only the event ids can tell (the auditor's job)
 */
public record VerificationReport(String topic, Map<Integer, PartitionSummary> partitions, List<String> gaps, List<String> overlaps,
        List<String> mismatchedKeys, List<EventIdOccurrences.Duplicate> duplicates, long distinctEventIds, long recordsWithoutEventId,
        Optional<EventIdOccurrences.Place> firstWithoutEventId, boolean transactional) {

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

    /** The copies beyond the first of every duplicated event id: what a replay skips. */
    public long extraCopies() {
        return duplicates.stream().mapToLong(d -> d.count() - 1L).sum();
    }

    /**
     * True when there are no overlaps, mismatched keys, nor gaps unless the topic is transactional: every offset archived
     * once, in the object its key names.
     */
    public boolean isIntact() {
        return (transactional || gaps.isEmpty()) && overlaps.isEmpty() && mismatchedKeys.isEmpty();
    }

    /** True when the archive is intact and holds each event id once. */
    public boolean isClean() {
        return isIntact() && duplicates.isEmpty();
    }

    /**
     * Lines for people: the totals and a status ({@code OK}; {@code DUPLICATES} when the only problem is event ids
     * archived more than once; else {@code PROBLEMS}), one line per partition, then one per problem; every duplicated
     * event id with each place it was found.
     */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(topic).append(": ").append(objects()).append(" objects, ").append(records()).append(" records, ").append(bytes())
                .append(" bytes, ").append(distinctEventIds).append(" event ids; ")
                .append(!isIntact() ? "PROBLEMS" : duplicates.isEmpty() ? "OK" : "DUPLICATES").append('\n');
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
        if (!duplicates.isEmpty()) {
            out.append("  ").append(count(duplicates.size(), "event id")).append(" archived more than once (")
                    .append(count(extraCopies(), "extra copy", "extra copies")).append(")\n");
            duplicates.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        firstWithoutEventId.ifPresent(first -> out.append("  ").append(count(recordsWithoutEventId, "record")).append(" without an ")
                .append(OutboxHeaders.ID).append(" header (not checked for duplicates), the first at ").append(first).append('\n'));
        return out.toString();
    }

    private static String count(long n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
