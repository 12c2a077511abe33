package io.relaybox.connect.s3archive.partition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.relaybox.connect.s3archive.format.ArchivedRecord;

/**
 * A record's time for rotation and the {@code dt=} date: the header named by {@code record.time.header} (relaybox:
 * {@code occurredat}, an ISO-8601 instant), else the record's timestamp, else 0. Never the wall clock, so that the same
 * records always fall into the same objects.
 */
public final class RecordTime {

    private RecordTime() {
    }

    /**
     * @param header the header holding the time, or empty to use the record timestamp only
     * @return epoch milliseconds
     */
    public static long of(ArchivedRecord record, String header) {
        if (!header.isEmpty()) {
            String text = record.header(header).orElse(null);
            if (text != null) {
                Long parsed = parse(text.trim());
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return record.timestamp() == null || record.timestamp() < 0 ? 0L : record.timestamp();
    }

    /** The UTC date of a record time. */
    public static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Long parse(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            // not an instant with Z: an offset date-time or epoch milliseconds
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
