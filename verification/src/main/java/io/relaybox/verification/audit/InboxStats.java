package io.relaybox.verification.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The inbox counters ({@code GET /inbox/stats}) of the consuming service instances, summed. */
public record InboxStats(long applied, long duplicatesSkipped, long deadLettered, long retried, long parked) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/inbox/stats"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(baseUrl + "/inbox/stats answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(baseUrl + "/inbox/stats is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
