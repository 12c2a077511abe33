package io.relaybox.analytics.topology;

import java.time.Duration;

/**
 * How the topology windows and remembers.
 *
 * @param minuteGrace how late (in event time) an event may arrive and still count in its minute window
 * @param hourGrace the same for the hour windows
 * @param retention how long the windows stay queryable
 * @param dedupeRetention how long an event id is remembered, so that a second copy within it is not counted; at least
 *        an hour window and its grace, else a late copy could count again
 */
public record AnalyticsSettings(Duration minuteGrace, Duration hourGrace, Duration retention, Duration dedupeRetention) {

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration HOUR = Duration.ofHours(1);

    public AnalyticsSettings {
        require(minuteGrace, "minuteGrace");
        require(hourGrace, "hourGrace");
        if (retention.compareTo(HOUR.plus(hourGrace)) < 0) {
            throw new IllegalArgumentException("retention must be at least an hour and its grace (" + HOUR.plus(hourGrace) + "), was " + retention);
        }
        if (dedupeRetention.compareTo(HOUR.plus(hourGrace)) < 0) {
            throw new IllegalArgumentException("dedupeRetention must be at least an hour and its grace (" + HOUR.plus(hourGrace)
                    + "), was " + dedupeRetention);
        }
    }

    /**
     * Ten minutes of grace for minutes and for hours (longer than a stall: after a broker failover two minutes dropped
     * events three minutes late), a week of retention and of remembered ids.
     */
    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofDays(7));
    }

    private static void require(Duration grace, String name) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + grace);
        }
    }
}
