package io.relaybox.connect.s3archive.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the event ids of a topic's archive occur, fed record by record in archive order: the first place of every id,
 * and every place of an id that occurs more than once. Debezium delivers at least once, so after a Connect worker crash
 * Kafka, and so the archive, can hold one event at two offsets; this names each such id and its copies. Records without
 * an event id cannot be told apart: they are only counted (and the first one's place kept).
 *
 * <p>Memory: one entry per distinct id (its text and first place: about 170 bytes for a UUID), so millions of ids need
 * a few hundred megabytes of heap.
 */
public final class EventIdOccurrences {

    /**
     * Where one archived record is.
     *
     * @param objectKey the S3 key of the object that holds it
     * @param line its line in the object's (uncompressed) NDJSON, from 1
     * @param topic the Kafka topic it was in
     * @param partition its Kafka partition
     * @param offset its Kafka offset
     */
    public record Place(String objectKey, int line, String topic, int partition, long offset) {

        static final Comparator<Place> ARCHIVE_ORDER = Comparator.comparing(Place::topic).thenComparingInt(Place::partition)
                .thenComparingLong(Place::offset).thenComparing(Place::objectKey).thenComparingInt(Place::line);

        @Override
        public String toString() {
            return objectKey + " line " + line + " (" + topic + "-" + partition + "@" + offset + ")";
        }
    }

    /**
     * An event id that occurs more than once.
     *
     * @param places every copy, in archive order
     */
    public record Duplicate(String eventId, List<Place> places) {

        public Duplicate {
            places = List.copyOf(places);
        }

        /** How many times the id occurs. */
        public int count() {
            return places.size();
        }

        /** {@code event <id> archived 2 times: <key> line 7 (<topic>-0@6); <key> line 3 (<topic>-0@102)} */
        @Override
        public String toString() {
            return "event " + eventId + " archived " + count() + " times: "
                    + places.stream().map(Place::toString).collect(Collectors.joining("; "));
        }
    }

    private final Map<String, Place> first = new HashMap<>();
    private final Map<String, List<Place>> repeated = new HashMap<>();
    private long withoutEventId;
    private Place firstWithoutEventId;

    /** Notes one record, in archive order: its event id (empty when it has none) and where it is. */
    public void add(Optional<String> eventId, Place place) {
        if (eventId.isEmpty()) {
            if (withoutEventId++ == 0) {
                firstWithoutEventId = place;
            }
            return;
        }
        Place earlier = first.putIfAbsent(eventId.get(), place);
        if (earlier != null) {
            repeated.computeIfAbsent(eventId.get(), id -> new ArrayList<>(List.of(earlier))).add(place);
        }
    }

    /** Every id that occurs more than once, ordered by where its first copy is (topic, partition, offset). */
    public List<Duplicate> duplicates() {
        return repeated.entrySet().stream().map(e -> new Duplicate(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((Duplicate d) -> d.places().get(0), Place.ARCHIVE_ORDER)).toList();
    }

    /** How many different event ids occurred. */
    public long distinctEventIds() {
        return first.size();
    }

    /** How many records had no event id. */
    public long withoutEventId() {
        return withoutEventId;
    }

    /** Where the first record without an event id is, if any. */
    public Optional<Place> firstWithoutEventId() {
        return Optional.ofNullable(firstWithoutEventId);
    }
}
