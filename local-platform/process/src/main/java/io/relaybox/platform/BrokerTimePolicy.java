package io.relaybox.platform;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a broker does with record time: how long it keeps records ({@code log.retention.ms}, measured from each
 * segment's newest record time, not from when the broker received it) and, optionally, how old a record's time may be
 * when it is produced ({@code log.message.timestamp.before.max.ms}; older records are refused with
 * {@code InvalidTimestampException}).
 *
 * @param retention how long records are kept, by record time
 * @param oldestAccepted when present, the broker refuses records whose time is further in the past than this
 */
public record BrokerTimePolicy(Duration retention, Optional<Duration> oldestAccepted) {

    /** The platform's broker: seven days of retention, any record time accepted (replays keep their original times). */
    public static final BrokerTimePolicy PLATFORM = new BrokerTimePolicy(Duration.ofDays(7), Optional.empty());

    /**
     * Every broker a test starts. Retention is the platform's, so tests see what users see, and the broker refuses
     * records stamped more than a day ago: a record time that retention could delete during a run is refused at once,
     * loudly, instead of disappearing days after the test was written (a fixed date in a test once turned CI red a
     * week later). Tests derive record times from now.
     */
    public static final BrokerTimePolicy TESTS = new BrokerTimePolicy(PLATFORM.retention(), Optional.of(Duration.ofDays(1)));

    public BrokerTimePolicy {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(oldestAccepted, "oldestAccepted");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        oldestAccepted.ifPresent(age -> {
            if (age.compareTo(retention) >= 0) {
                throw new IllegalArgumentException("records older than the retention (" + retention + ") would be deleted right away: "
                        + "accept at most records younger than it, not " + age);
            }
        });
    }

    /** The broker properties of this policy, in a stable order. */
    public Map<String, String> brokerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("log.retention.ms", Long.toString(retention.toMillis()));
        oldestAccepted.ifPresent(age -> settings.put("log.message.timestamp.before.max.ms", Long.toString(age.toMillis())));
        return Collections.unmodifiableMap(settings);
    }
}
