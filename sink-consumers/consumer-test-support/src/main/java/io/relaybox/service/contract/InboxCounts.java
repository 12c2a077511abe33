package io.relaybox.service.contract;

import tools.jackson.databind.JsonNode;

/**
 * The counters of {@code GET /inbox/stats}, or a sum or difference of them.
 *
 * @param applied events applied
 * @param duplicatesSkipped events skipped as duplicates
 * @param deadLettered events dead-lettered
 * @param retried transient failures retried
 * @param parked events parked behind a dead letter
 */
public record InboxCounts(long applied, long duplicatesSkipped, long deadLettered, long retried, long parked) {

    public static final InboxCounts ZERO = new InboxCounts(0, 0, 0, 0, 0);

    static InboxCounts of(JsonNode stats) {
        return new InboxCounts(stats.get("applied").asLong(), stats.get("duplicatesSkipped").asLong(),
                stats.get("deadLettered").asLong(), stats.get("retried").asLong(), stats.get("parked").asLong());
    }

    /** Records done with: applied, skipped, dead-lettered or parked. */
    public long handled() {
        return applied + duplicatesSkipped + deadLettered + parked;
    }

    public InboxCounts plus(InboxCounts other) {
        return new InboxCounts(applied + other.applied, duplicatesSkipped + other.duplicatesSkipped,
                deadLettered + other.deadLettered, retried + other.retried, parked + other.parked);
    }

    public InboxCounts minus(InboxCounts other) {
        return new InboxCounts(applied - other.applied, duplicatesSkipped - other.duplicatesSkipped,
                deadLettered - other.deadLettered, retried - other.retried, parked - other.parked);
    }
}
