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

    /** Every object under the prefix, page by page. */
    private Iterable<S3Object> listed() {
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents();
    }

    /** Adds each wanted event's records (as topic/partition/offset) and returns how many lines held a wanted event. */
    private long read(String key, Set<String> wanted, Map<String, Set<String>> records) throws IOException {
        long lines = 0;
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(key));
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(object),
                        StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = JSON.readTree(line);
                JsonNode id = record.path("envelope").path("id");
                if (id.isString() && wanted.contains(id.asString())) {
                    lines++;
                    records.computeIfAbsent(id.asString(), k -> new HashSet<>()).add(record.path("topic").asString() + "/"
                            + record.path("partition").asString() + "/" + record.path("offset").asString());
                }
            }
        }
        return lines;
    }

    @Override
    public void close() {
        s3.close();
    }
}
