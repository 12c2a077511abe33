package io.relaybox.verification.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts, through Elasticsearch's HTTP API, the event documents in {@code events-*} whose event id is one of some
 * ids. Each event has one document (its id is the event id), so the count is the number of distinct events found;
 * a count above the number of ids would mean copies.
 */
public final class SearchedEvents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Ids per terms query, well below Elasticsearch's limit of 65,536. */
    private static final int CHUNK = 10_000;

    private final String url;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SearchedEvents(SinkEndpoints sinks) {
        this.url = sinks.elasticsearchUrl();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (sinks.elasticsearchUser() + ":" + sinks.elasticsearchPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** How many event documents hold one of the event ids (after a refresh, so that the latest writes count). */
    public long count(Collection<String> eventIds) throws IOException, InterruptedException {
        send("/events-*/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
        List<String> ids = new ArrayList<>(eventIds);
        long found = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode terms = body.putObject("query").putObject("terms").putArray("eventId");
            ids.subList(from, Math.min(ids.size(), from + CHUNK)).forEach(terms::add);
            JsonNode answer = JSON.readTree(send("/events-*/_count?ignore_unavailable=true&allow_no_indices=true",
                    body.toString()));
            found += answer.path("count").asLong();
        }
        return found;
    }

    /**
     * What the events index holds of one event id.
     *
     * @param documents documents with that event id (one per index it is in; more than one would be copies)
     * @param writes the sum of their {@code _version}s: each write of the same {@code _id} raises it by one, so writes
     *        beyond the documents are re-deliveries that overwrote the document
     */
    public record Indexed(long documents, long writes) {

        Indexed plus(long version) {
            return new Indexed(documents + 1, writes + version);
        }
    }

    /**
     * Every event document whose {@code occurredAt} lies at or after the time, by event id (after a refresh), paged in
     * event id order with {@code search_after}.
     */
    public Map<String, Indexed> indexedSince(Instant since) throws IOException, InterruptedException {
        send("/events-*/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
        Map<String, Indexed> found = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", CHUNK);
            body.put("version", true);
            body.putArray("_source").add("eventId");
            body.putObject("query").putObject("range").putObject("occurredAt").put("gte", since.toString());
            body.putArray("sort").add("eventId");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = JSON.readTree(send("/events-*/_search?ignore_unavailable=true&allow_no_indices=true",
                    body.toString())).path("hits").path("hits");
            if (hits.isEmpty()) {
                return found;
            }
            for (JsonNode hit : hits) {
                found.merge(hit.path("_id").asString(), new Indexed(1, hit.path("_version").asLong(1)),
                        (a, b) -> a.plus(b.writes()));
                after = hit.path("sort");
            }
        }
    }

    /**
     * Commit to Elasticsearch: the events that occurred in {@code [from, to)}, their count and the 50th and 99th
     * percentiles of their {@code endToEndLagMs} (from {@code occurredAt} until the sink handed the document over), as
     * Elasticsearch's percentiles aggregation estimates them.
     *
     * @return {count, p50, p99}; the percentiles are -1 when no event was found
     */
    public long[] commitToIndexMillis(Instant from, Instant to) throws IOException, InterruptedException {
        send("/events-*/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
        String query = "{\"size\":0,\"track_total_hits\":true,\"query\":{\"range\":{\"occurredAt\":{\"gte\":\"" + from
                + "\",\"lt\":\"" + to + "\"}}},\"aggs\":{\"lag\":{\"percentiles\":{\"field\":\"endToEndLagMs\","
                + "\"percents\":[50,99]}}}}";
        JsonNode answer = JSON.readTree(send("/events-*/_search?ignore_unavailable=true&allow_no_indices=true", query));
        JsonNode values = answer.path("aggregations").path("lag").path("values");
        return new long[] {answer.path("hits").path("total").path("value").asLong(),
                values.path("50.0").isNumber() ? Math.round(values.path("50.0").asDouble()) : -1,
                values.path("99.0").isNumber() ? Math.round(values.path("99.0").asDouble()) : -1};
    }

    /**
     * A request of Elasticsearch's API as the sink's user: POSTs the JSON body (none when null) and returns the
     * answer; anything but 200 is an IOException.
     */
    public String send(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        HttpRequest request = body == null ? builder.POST(HttpRequest.BodyPublishers.noBody()).build()
                : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": " + response.body());
        }
        return response.body();
    }
}
