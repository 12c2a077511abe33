package io.relaybox.verification.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The {@code occurredat} of an event as its Kafka header, archive line or Elasticsearch document spells it (ISO-8601). */
public final class OccurredAt {

    private OccurredAt() {
    }

    /**
     * True only when the text is a readable instant before the time: a missing or unreadable time is never "before",
     * so that a check that skips earlier events skips nothing it cannot date.
     */
    public static boolean before(String text, Instant time) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().isBefore(time);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
