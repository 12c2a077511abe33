package io.relaybox.connect.s3archive.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.partition.RecordTime;

/**
 * Checks a topic's archive: per partition the objects cover consecutive offsets without gaps or overlaps, each object's
 * key matches its first record, and each event id appears once in the whole topic (else it names every copy: object key,
 * line, partition and offset). Offsets before the first archived one are not checked (the topic may have been archived
 * from a later start). A topic written by transactional producers has commit markers between records (and the records
 * of aborted transactions, which read_committed sinks never see): those offsets show up as gaps, which
 * {@link #verify(String, boolean)} can be told to expect.
 */
public final class ArchiveVerifier {

    private final Archive archive;
    private final String timeHeader;

    /**
     * @param timeHeader the sink's {@code record.time.header}, to check each object's {@code dt=} date
     */
    public ArchiveVerifier(Archive archive, String timeHeader) {
        this.archive = archive;
        this.timeHeader = timeHeader;
    }

    /** Verifies a topic written by non-transactional producers: every offset gap is a problem. */
    public VerificationReport verify(String topic) {
        return verify(topic, false);
    }

    /**
     * @param transactional whether the topic was written by transactional producers (exactly-once source): offset gaps
     *        are then listed as expected, not as problems
     */
    public VerificationReport verify(String topic, boolean transactional) {
        Map<Integer, VerificationReport.PartitionSummary> partitions = new TreeMap<>();
        List<String> gaps = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        EventIdOccurrences eventIds = new EventIdOccurrences();
        Map<Integer, long[]> state = new HashMap<>(); // per partition: objects, records, first, last, bytes
        for (ArchiveObject object : archive.objects(topic)) {
            int p = object.key().partition();
            long[] s = state.computeIfAbsent(p, k -> new long[] {0, 0, -1, -1, 0});
            s[0]++;
            s[4] += object.size();
            long[] last = {s[3]};
            boolean[] first = {true};
            boolean[] overlapReported = {false};
            String objectKey = object.key().key();
            archive.readLines(object, (record, line) -> {
                if (first[0]) {
                    checkKey(object, record, mismatched);
                } else if (!RecordTime.date(RecordTime.of(record, timeHeader)).equals(object.key().date())) {
                    mismatched.add(object.key() + " holds offset " + record.offset() + " of another date");
                }
                if (last[0] >= 0 && record.offset() <= last[0]) {
                    if (!overlapReported[0]) {
                        overlapReported[0] = true;
                        overlaps.add(object.key() + " holds offset " + record.offset() + ", at or before offset " + last[0]
                                + (first[0] ? " of the previous object" : " of its own"));
                    }
                } else if (last[0] >= 0 && record.offset() > last[0] + 1) {
                    gaps.add(topic + "-" + p + ": " + (last[0] + 1) + ".." + (record.offset() - 1));
                }
                first[0] = false;
                if (s[2] < 0) {
                    s[2] = record.offset();
                }
                last[0] = Math.max(last[0], record.offset());
                s[1]++;
                // the topic's one String, not each record's own copy: the first place of every id stays in memory
                String recordTopic = record.topic().equals(topic) ? topic : record.topic();
                eventIds.add(record.eventId(), new EventIdOccurrences.Place(objectKey, line, recordTopic, record.partition(), record.offset()));
            });
            s[3] = last[0];
        }
        state.forEach((p, s) -> partitions.put(p, new VerificationReport.PartitionSummary((int) s[0], s[1], s[2], s[3], s[4])));
        return new VerificationReport(topic, partitions, gaps, overlaps, mismatched, eventIds.duplicates(), eventIds.distinctEventIds(),
                eventIds.withoutEventId(), eventIds.firstWithoutEventId(), transactional);
    }

    private void checkKey(ArchiveObject object, ArchivedRecord record, List<String> mismatched) {
        if (record.offset() != object.key().firstOffset() || record.partition() != object.key().partition()
                || !record.topic().equals(object.key().topic())) {
            mismatched.add(object.key() + " starts with " + record);
        }
        if (!RecordTime.date(RecordTime.of(record, timeHeader)).equals(object.key().date())) {
            mismatched.add(object.key() + " starts with a record of another date");
        }
    }
}
