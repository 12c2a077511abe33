package io.relaybox.verification.verify;

import java.util.Map;

/**
 * What one sink holds (or applied), read from the sink itself: how many copies of each event id.
 *
 * @param sink the sink's name in the report
 * @param copies copies per event id (records, lines, documents, inbox rows)
 * @param suppressed re-deliveries the sink recognised and dropped or overwrote, as far as it can tell
 * @param extraCopiesAreDuplicates whether a second copy of an event is a duplicate delivered (Kafka and the archive with
 *        exactly-once source) or a re-send the sink's readers drop (without it: at-least-once CDC is allowed to re-send,
 *        consumers skip by event id, the archive tool replays an id once), counted as suppressed later
 */
record Deliveries(String sink, Map<String, Long> copies, long suppressed, boolean extraCopiesAreDuplicates) {

    Deliveries {
        copies = Map.copyOf(copies);
    }
}
