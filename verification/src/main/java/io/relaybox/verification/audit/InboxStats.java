package io.relaybox.verification.audit;

import java.time.Duration;
import java.util.Collection;

import tools.jackson.databind.JsonNode;

/** The inbox counters ({@code GET /inbox/stats}) of the consuming service instances, summed. */
public record InboxStats(long applied, long duplicatesSkipped, long deadLettered, long retried, long parked) {

    /** The sum over the instances at these base URLs. */
    public static InboxStats sum(Collection<String> baseUrls) {
        InboxStats total = new InboxStats(0, 0, 0, 0, 0);
        for (String baseUrl : baseUrls) {
            JsonNode stats = fetch(baseUrl);
            total = new InboxStats(total.applied + stats.path("applied").asLong(),
                    total.duplicatesSkipped + stats.path("duplicatesSkipped").asLong(),
                    total.deadLettered + stats.path("deadLettered").asLong(), total.retried + stats.path("retried").asLong(),
                    total.parked + stats.path("parked").asLong());
        }
        return total;
    }

    private static JsonNode fetch(String baseUrl) {
        try {
            return JsonGet.get(baseUrl + "/inbox/stats", Duration.ofSeconds(10));
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException(baseUrl + "/inbox/stats is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
