package io.relaybox.verification.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One sink's tally against the ledger, with the event ids behind its numbers: which expected events it lacks, which it
 * holds more than once (as a delivered duplicate), and which it holds although no outbox committed them.
 *
 * @param tally the numbers of the report
 * @param lost expected event ids the sink does not hold, sorted
 * @param duplicated expected event ids the sink holds more than once as duplicates delivered, sorted
 * @param unknown event ids the sink holds that no outbox committed, sorted
 */
record SinkFinding(SinkTally tally, List<String> lost, List<String> duplicated, List<String> unknown) {

    /** Ids named per line in the violations; the rest are counted. */
    static final int IDS_SHOWN = 20;

    SinkFinding {
        lost = List.copyOf(lost);
        duplicated = List.copyOf(duplicated);
        unknown = List.copyOf(unknown);
    }

    /**
     * Tallies what a sink holds against the events it must hold.
     *
     * @param expected the event ids the sink must hold once
     * @param committed whether some outbox committed an event id (in the run or before)
     */
    static SinkFinding of(Set<String> expected, Predicate<String> committed, Deliveries deliveries) {
        Map<String, Long> copies = deliveries.copies();
        List<String> lost = expected.stream().filter(id -> !copies.containsKey(id)).sorted().toList();
        List<String> extra = expected.stream().filter(id -> copies.getOrDefault(id, 0L) > 1).sorted().toList();
        long extraCopies = extra.stream().mapToLong(id -> copies.get(id) - 1).sum();
        List<String> unknown = copies.keySet().stream().filter(id -> !expected.contains(id) && !committed.test(id)).sorted().toList();
        boolean delivered = deliveries.extraCopiesAreDuplicates();
        SinkTally tally = new SinkTally(deliveries.sink(), expected.size(), expected.size() - lost.size(), delivered ? extraCopies : 0,
                deliveries.suppressed() + (delivered ? 0 : extraCopies), lost.size());
        return new SinkFinding(tally, lost, delivered ? extra : List.of(), unknown);
    }

    /** The broken promises, in words, naming the event ids (the first {@value #IDS_SHOWN} of each kind). */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        String sink = tally.sink();
        if (!lost.isEmpty()) {
            violations.add(sink + " lacks " + lost.size() + " of " + tally.expected() + " committed events: " + named(lost));
        }
        if (!duplicated.isEmpty()) {
            violations.add(sink + " holds " + duplicated.size() + " events more than once (" + tally.duplicatesDelivered()
                    + " extra copies): " + named(duplicated));
        }
        if (!unknown.isEmpty()) {
            violations.add(sink + " holds " + unknown.size() + " events that no outbox committed: " + named(unknown));
        }
        return violations;
    }

    static String named(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        return ids.size() > IDS_SHOWN ? shown + " and " + (ids.size() - IDS_SHOWN) + " more" : shown;
    }
}
