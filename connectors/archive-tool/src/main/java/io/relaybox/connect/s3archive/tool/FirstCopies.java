package io.relaybox.connect.s3archive.tool;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which records a replay delivers so that each event id arrives once: fed in archive order, it lets through the first
 * record of each event id and turns away every later one whose id it already let through. Debezium delivers at least
 * once, so the archive can hold an event at two offsets (after a Connect worker crash); consumers that do not
 * deduplicate by event id would apply it twice. Records without an event id cannot be told apart: they all pass.
 *
 * <p>Memory: a {@link HashSet} of the ids let through, about 125 bytes per UUID id (measured): a million events take
 * some 125 MB of heap, ten million some 1.2 GB.
 */
final class FirstCopies {

    private final Set<String> delivered = new HashSet<>();
    private long duplicates;
    private long withoutEventId;

    /**
     * Whether to deliver the record with this event id, and notes it as delivered.
     *
     * @param eventId the record's event id, empty when it has none
     * @return false for a later copy of an id already delivered
     */
    boolean deliver(Optional<String> eventId) {
        if (eventId.isEmpty()) {
            withoutEventId++;
            return true;
        }
        if (delivered.add(eventId.get())) {
            return true;
        }
        duplicates++;
        return false;
    }

    /** The copies turned away. */
    long duplicates() {
        return duplicates;
    }

    /** The records let through without an event id. */
    long withoutEventId() {
        return withoutEventId;
    }
}
