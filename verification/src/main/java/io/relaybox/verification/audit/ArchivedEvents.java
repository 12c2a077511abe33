package io.relaybox.verification.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event archive through the S3 API, independently of the archive sink's own code: every
 * {@code .ndjson.gz} object under the prefix, one JSON line per record with the event id in {@code envelope.id}.
 */
public final class ArchivedEvents implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * What the archive holds of some events.
     *
     * @param distinct how many of the events the archive holds
     * @param copies lines beyond one per Kafka record (topic, partition, offset): a record archived twice, which the
     *        sink must never do
     * @param resent lines beyond one per event among distinct Kafka records: copies that were already in Kafka, re-sent
     *        by at-least-once CDC after a crash (the archive keeps what Kafka held; consumers deduplicate by event id)
     */
    public record Found(long distinct, long copies, long resent) {
    }

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    /** Lines per event id of each object read by {@link #linesPerEvent}, by key and ETag. */
    private final Map<String, Map<String, Long>> linesByObject = new HashMap<>();
    private java.time.Instant cachedSince;

    public ArchivedEvents(SinkEndpoints sinks) {
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(sinks.s3Endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(sinks.s3AccessKey(), sinks.s3SecretKey())))
                .build();
        this.bucket = sinks.archiveBucket();
        this.prefix = sinks.archivePrefix() + "/";
    }

    /** Counts the lines of the archive that hold one of the events. */
    public Found find(Collection<String> eventIds) throws IOException {
        Set<String> wanted = eventIds instanceof Set<String> set ? set : new HashSet<>(eventIds);
        Map<String, Set<String>> records = new HashMap<>();
        long[] lines = {0};
        for (S3Object object : listed()) {
            if (object.key().endsWith(".ndjson.gz")) {
                lines[0] += read(object.key(), wanted, records);
            }
        }
        long distinctRecords = records.values().stream().mapToLong(Set::size).sum();
        return new Found(records.size(), lines[0] - distinctRecords, distinctRecords - records.size());
    }

    /**
     * How many lines of the archive hold each event that occurred at or after {@code since} (header {@code occurredat};
     * a line whose time is missing or unreadable counts too, so nothing the run wrote is left out), by event id. An
     * object is read once per content: objects already read with the same key and ETag come from memory, so that
     * waiting for the archive to catch up does not read it all again every time.
     */
    public synchronized Map<String, Long> linesPerEvent(java.time.Instant since) throws IOException {
        if (!since.equals(cachedSince)) {
            linesByObject.clear();
            cachedSince = since;
        }
        Map<String, Map<String, Long>> current = new HashMap<>();
        for (S3Object object : listed()) {
            if (object.key().endsWith(".ndjson.gz")) {
                String version = object.key() + " " + object.eTag();
                Map<String, Long> lines = linesByObject.get(version);
                current.put(version, lines != null ? lines : linesOf(object.key(), since));
            }
        }
        linesByObject.keySet().retainAll(current.keySet());
        linesByObject.putAll(current);
        Map<String, Long> total = new HashMap<>();
        current.values().forEach(lines -> lines.forEach((id, count) -> total.merge(id, count, Long::sum)));
        return total;
    }

    /** Lines per event id in one object, of the events that occurred at or after the time. */
    private Map<String, Long> linesOf(String key, java.time.Instant since) throws IOException {
        Map<String, Long> lines = new HashMap<>();
        forEachLine(key, record -> {
            JsonNode envelope = record.path("envelope");
            JsonNode id = envelope.path("id");
            if (id.isString() && !OccurredAt.before(envelope.path("occurredat").asString(null), since)) {
                lines.merge(id.asString(), 1L, Long::sum);
            }
        });
        return lines;
    }

    /**
     * The {@code traceparent} each archived line of the events carries (its envelope's), by event id; an event archived
     * as more than one line has each line's. Reads every object of the archive.
     */
    public Map<String, Set<String>> traceparents(Collection<String> eventIds) throws IOException {
        Set<String> wanted = new HashSet<>(eventIds);
        Map<String, Set<String>> traceparents = new HashMap<>();
        for (S3Object object : listed()) {
            if (object.key().endsWith(".ndjson.gz")) {
                forEachLine(object.key(), record -> {
                    JsonNode envelope = record.path("envelope");
                    JsonNode id = envelope.path("id");
                    if (id.isString() && wanted.contains(id.asString())) {
                        traceparents.computeIfAbsent(id.asString(), k -> new HashSet<>())
                                .add(envelope.path("traceparent").asString("null"));
                    }
                });
            }
        }
        return traceparents;
    }

    /**
     * Every object of the archive: key and ETag (the MD5 of the content for a single-part upload, derived from the
     * parts' MD5s for a multipart one), in key order.
     */
    public Map<String, String> objects() {
        Map<String, String> objects = new java.util.TreeMap<>();
        listed().forEach(object -> objects.put(object.key(), object.eTag()));
        return objects;
    }

    /** When each object of the archive was last written, by key. */
    public Map<String, java.time.Instant> lastModified() {
        Map<String, java.time.Instant> objects = new java.util.TreeMap<>();
        listed().forEach(object -> objects.put(object.key(), object.lastModified()));
        return objects;
    }

    /**
     * For each archived line of an event that occurred in {@code [from, to)}: milliseconds from its {@code occurredat}
     * to the last write of its object (the object's LastModified, which S3 servers keep to the second). Only objects
     * written at or after {@code from} are read.
     */
    public long[] commitToArchiveMillis(java.time.Instant from, java.time.Instant to) throws IOException {
        java.util.List<Long> millis = new java.util.ArrayList<>();
        for (S3Object object : listed()) {
            if (object.key().endsWith(".ndjson.gz") && !object.lastModified().isBefore(from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
                forEachLine(object.key(), record -> {
                    String occurred = record.path("envelope").path("occurredat").asString(null);
                    if (occurred != null && !OccurredAt.before(occurred, from) && OccurredAt.before(occurred, to)) {
                        millis.add(java.time.Duration.between(java.time.Instant.parse(occurred), object.lastModified()).toMillis());
                    }
                });
            }
        }
        return millis.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every object under the prefix, page by page. */
    private Iterable<S3Object> listed() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents();
    }

    /** Adds each wanted event's records (as topic/partition/offset) and returns how many lines held a wanted event. */
    private long read(String key, Set<String> wanted, Map<String, Set<String>> records) throws IOException {
        long[] lines = {0};
        forEachLine(key, record -> {
            JsonNode id = record.path("envelope").path("id");
            if (id.isString() && wanted.contains(id.asString())) {
                lines[0]++;
                records.computeIfAbsent(id.asString(), k -> new HashSet<>()).add(record.path("topic").asString() + "/"
                        + record.path("partition").asString() + "/" + record.path("offset").asString());
            }
        });
        return lines[0];
    }

    /** Hands each line of the object (gzip NDJSON), parsed, to the consumer; blank lines are skipped. */
    private void forEachLine(String key, java.util.function.Consumer<JsonNode> consumer) throws IOException {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(key));
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(object),
                        StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    consumer.accept(JSON.readTree(line));
                }
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
