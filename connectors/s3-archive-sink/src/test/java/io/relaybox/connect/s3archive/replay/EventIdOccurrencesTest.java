package io.relaybox.connect.s3archive.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.relaybox.connect.s3archive.replay.EventIdOccurrences.Place;

class EventIdOccurrencesTest {

    private static final String FIRST = "events/orders.events/dt=2026-11-25/partition=0/orders.events+0+00000000000000000000.ndjson.gz";
    private static final String SECOND = "events/orders.events/dt=2026-11-25/partition=0/orders.events+0+00000000000000000100.ndjson.gz";

    private final EventIdOccurrences occurrences = new EventIdOccurrences();

    @Test
    void reportsNoDuplicateWhenEveryIdOccursOnce() {
        occurrences.add(Optional.of("a"), place(FIRST, 1, 0, 0));
        occurrences.add(Optional.of("b"), place(FIRST, 2, 0, 1));

        assertThat(occurrences.duplicates()).isEmpty();
        assertThat(occurrences.distinctEventIds()).isEqualTo(2);
    }

    @Test
    void namesADuplicatedIdWithItsCountAndEveryPlaceInArchiveOrder() {
        occurrences.add(Optional.of("a"), place(FIRST, 7, 0, 6));
        occurrences.add(Optional.of("b"), place(FIRST, 8, 0, 7));
        occurrences.add(Optional.of("a"), place(SECOND, 3, 0, 102));
        occurrences.add(Optional.of("a"), place(SECOND, 9, 0, 108));

        assertThat(occurrences.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo("a");
            assertThat(d.count()).isEqualTo(3);
            assertThat(d.places()).containsExactly(place(FIRST, 7, 0, 6), place(SECOND, 3, 0, 102), place(SECOND, 9, 0, 108));
            assertThat(d).hasToString("event a archived 3 times: " + FIRST + " line 7 (orders.events-0@6); " + SECOND
                    + " line 3 (orders.events-0@102); " + SECOND + " line 9 (orders.events-0@108)");
        });
        assertThat(occurrences.distinctEventIds()).isEqualTo(2);
    }

    @Test
    void ordersDuplicatesByWhereTheirFirstCopyIsNotByWhereTheSecondWasFound() {
        occurrences.add(Optional.of("late"), place(FIRST, 50, 0, 49));
        occurrences.add(Optional.of("late"), place(SECOND, 1, 0, 100));
        occurrences.add(Optional.of("early"), place("partition-1-object", 1, 1, 0));
        occurrences.add(Optional.of("early"), place("partition-1-object", 2, 1, 1));
        occurrences.add(Optional.of("earliest"), place(FIRST, 1, 0, 0));
        occurrences.add(Optional.of("earliest"), place(SECOND, 2, 0, 101));

        assertThat(occurrences.duplicates()).extracting(EventIdOccurrences.Duplicate::eventId).containsExactly("earliest", "late", "early");
    }

    @Test
    void countsRecordsWithoutAnEventIdApartAndKeepsWhereTheFirstIs() {
        occurrences.add(Optional.empty(), place(FIRST, 4, 0, 3));
        occurrences.add(Optional.of("a"), place(FIRST, 5, 0, 4));
        occurrences.add(Optional.empty(), place(FIRST, 6, 0, 5));

        assertThat(occurrences.withoutEventId()).isEqualTo(2);
        assertThat(occurrences.firstWithoutEventId()).hasValue(place(FIRST, 4, 0, 3));
        assertThat(occurrences.duplicates()).isEmpty();
        assertThat(occurrences.distinctEventIds()).isEqualTo(1);
    }

    private static Place place(String key, int line, int partition, long offset) {
        return new Place(key, line, "orders.events", partition, offset);
    }
}
