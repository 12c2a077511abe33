package io.relaybox.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When a failed connector (or a connector with failed tasks) is due for a restart, as Strimzi's {@code autoRestart} does
 * it: at once the first time, then after a delay that doubles with each restart that did not last ({@link #FIRST_DELAY}
 * up to {@link #MAX_DELAY}); a connector seen running again for {@link #RESET_AFTER} starts over. Kafka Connect never
 * restarts a failed task by itself: a broker lost mid-transaction has left an exactly-once source task FAILED (Kafka
 * 4.3.1's coordinator answered its commit with UNKNOWN_SERVER_ERROR), and with it every event of its database held back.
 * One caller at a time.
 */
public final class FailedConnectorRestarts {

    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(16);
    static final Duration RESET_AFTER = Duration.ofMinutes(10);

    private final Map<String, Restarts> byConnector = new HashMap<>();

    private static final class Restarts {
        int count;
        Instant last;
        Instant runningSince;
    }

    /** Says whether the connector, seen failed at {@code now}, is restarted now; if so, counts the restart. */
    public boolean dueNow(String connector, Instant now) {
        Restarts restarts = byConnector.computeIfAbsent(connector, name -> new Restarts());
        restarts.runningSince = null;
        if (restarts.count > 0 && now.isBefore(restarts.last.plus(delayAfter(restarts.count)))) {
            return false;
        }
        restarts.count++;
        restarts.last = now;
        return true;
    }

    /** Notes the connector running at {@code now}; after {@link #RESET_AFTER} of that its next failure is restarted at once. */
    public void running(String connector, Instant now) {
        Restarts restarts = byConnector.get(connector);
        if (restarts == null) {
            return;
        }
        if (restarts.runningSince == null) {
            restarts.runningSince = now;
        } else if (!now.isBefore(restarts.runningSince.plus(RESET_AFTER))) {
            byConnector.remove(connector);
        }
    }

    /** How many times in a row the connector was restarted (0 when none, or running long enough since). */
    public int restarts(String connector) {
        Restarts restarts = byConnector.get(connector);
        return restarts == null ? 0 : restarts.count;
    }

    /** The wait before the next restart after {@code count} restarts: 1, 2, 4, 8, 16, 16, ... minutes. */
    static Duration delayAfter(int count) {
        long minutes = FIRST_DELAY.toMinutes() << Math.min(count - 1, 10);
        return Duration.ofMinutes(Math.min(minutes, MAX_DELAY.toMinutes()));
    }
}
