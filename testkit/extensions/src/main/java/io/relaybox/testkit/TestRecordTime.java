package io.relaybox.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one base time from which tests derive the times of the records they produce, chosen once per test JVM from the
 * clock: the later of the start of the current UTC day and two hours ago, to the second. Records stamped from it are in
 * the past (a broker refuses records more than an hour in the future), far younger than any retention or the oldest
 * time a test broker accepts ({@link io.relaybox.platform.BrokerTimePolicy#TESTS}), and share one UTC date for at least
 * two hours of record time, so tests that expect one date partition can name it as {@code base()}'s date. Never stamp
 * test records with a fixed date: a broker's retention deletes them once that date is a week old.
 */
public final class TestRecordTime {

    private static final Instant BASE = baseFor(Instant.now());

    private TestRecordTime() {
    }

    /** The base time of this run. */
    public static Instant base() {
        return BASE;
    }

    /** The base time for a run that starts at {@code now} (visible for testing). */
    static Instant baseFor(Instant now) {
        Instant startOfDay = now.truncatedTo(ChronoUnit.DAYS);
        Instant twoHoursAgo = now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        return twoHoursAgo.isAfter(startOfDay) ? twoHoursAgo : startOfDay;
    }
}
