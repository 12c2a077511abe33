package io.relaybox.peers.driver;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.relaybox.verification.bench.Percentiles;

/**
 * What reached a peer's topic: each record's event id and commit stamp (from the JSON payload, whoever serialized it),
 * when it arrived; per distinct event its first arrival. Thread-safe.
 */
final class Deliveries {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern OCCURRED = Pattern.compile("\"occurredAtMicros\"\\s*:\\s*(\\d+)");

    /** One record's event id and the time its writer's transaction stamped it. */
    record Delivery(String eventId, long occurredAtMicros) {
    }

    private final Map<String, Long> latencyMicros = new HashMap<>();
    private long records;
    private long unreadable;
    private long firstOccurredMicros = Long.MAX_VALUE;
    private long lastArrivalMicros;

    /** The event id and stamp of a record's value; empty when it has none. */
    static Optional<Delivery> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher id = EVENT_ID.matcher(value);
        Matcher occurred = OCCURRED.matcher(value);
        if (!id.find() || !occurred.find()) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(id.group(1), Long.parseLong(occurred.group(1))));
    }

    synchronized void record(String value, long arrivalMicros) {
        records++;
        Optional<Delivery> delivery = parse(value);
        if (delivery.isEmpty()) {
            unreadable++;
            return;
        }
        if (latencyMicros.putIfAbsent(delivery.get().eventId(), arrivalMicros - delivery.get().occurredAtMicros()) == null) {
            firstOccurredMicros = Math.min(firstOccurredMicros, delivery.get().occurredAtMicros());
            lastArrivalMicros = Math.max(lastArrivalMicros, arrivalMicros);
        }
    }

    synchronized int distinct() {
        return latencyMicros.size();
    }

    synchronized long records() {
        return records;
    }

    /** Records beyond the first of each event (a record without an event id counts as one too). */
    synchronized long duplicates() {
        return records - latencyMicros.size();
    }

    synchronized long unreadable() {
        return unreadable;
    }

    /** Distinct events per second from the first event's commit stamp to the last event's first arrival. */
    synchronized double eventsPerSecond() {
        if (latencyMicros.isEmpty() || lastArrivalMicros <= firstOccurredMicros) {
            return 0;
        }
        return latencyMicros.size() / ((lastArrivalMicros - firstOccurredMicros) / 1e6);
    }

    /** Commit to first arrival, per distinct event, in milliseconds. */
    synchronized Percentiles commitToKafkaMillis() {
        return new Percentiles(latencyMicros.values().stream().mapToLong(micros -> micros / 1000).toArray());
    }

    /** How many of the run's events {@code <run>-0 .. <run>-(events - 1)} never arrived. */
    synchronized int missing(String run, int events) {
        int missing = 0;
        for (int seq = 0; seq < events; seq++) {
            if (!latencyMicros.containsKey(run + "-" + seq)) {
                missing++;
            }
        }
        return missing;
    }
}
