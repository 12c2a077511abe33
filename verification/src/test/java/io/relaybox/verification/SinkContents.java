package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import org.awaitility.Awaitility;

import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.S3Server;
import io.relaybox.verification.audit.ArchivedEvents;
import io.relaybox.verification.audit.SearchedEvents;
import io.relaybox.verification.audit.SinkEndpoints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the platform's sinks hold: Elasticsearch (through its HTTP API) and the S3 archive (through the S3 API), read
 * independently of the sinks' own code, and compared with the events the services published.
 */
final class SinkContents implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ServiceDatabases databases;
    private final SinkEndpoints endpoints;
    private final SearchedEvents search;
    private final ArchivedEvents archive;
    private final boolean exactlyOnceSource;

    SinkContents(LocalPlatform platform) {
        this.databases = new ServiceDatabases(platform);
        this.endpoints = endpointsOf(platform);
        this.search = new SearchedEvents(endpoints);
        this.archive = new ArchivedEvents(endpoints);
        this.exactlyOnceSource = platform.settings().exactlyOnceSource();
    }

    /** Where the platform's sinks write and how to log in there. */
    static SinkEndpoints endpointsOf(LocalPlatform platform) {
        ElasticsearchServer elasticsearch = platform.elasticsearch().orElseThrow(() -> new AssertionError("no sinks"));
        S3Server s3 = platform.s3().orElseThrow(() -> new AssertionError("no sinks"));
        ElasticsearchServer.Credentials user = LocalPlatform.elasticsearchCredentials(platform.secrets());
        return new SinkEndpoints(elasticsearch.url(), user.user(), user.password(), s3.endpoint(), s3.identity(), s3.credential(),
                LocalPlatform.ARCHIVE_BUCKET, LocalPlatform.ARCHIVE_PREFIX);
    }

    /**
     * Waits until the saga settled the orders (no more events about them will come) and every outbox connector
     * confirmed what the services committed, then returns the ids of every event the services committed about them:
     * what the databases hold, not what Kafka happens to hold.
     */
    Set<String> publishedOnceSettled(Collection<String> orderIds, Duration timeout) {
        Awaitility.await("the saga settled " + orderIds.size() + " orders").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.invariants().statusCounts(orderIds).get("PENDING") == 0);
        Awaitility.await("the saga invariants").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
        databases.awaitOutboxesInKafka(timeout);
        return databases.committedEvents(orderIds).keySet();
    }

    /**
     * Waits until Elasticsearch holds every one of the events once (one document per event id) and the archive every
     * one of them, each Kafka record once; with exactly-once source each event is one Kafka record, so one line.
     */
    void awaitEachEventOnceInBothSinks(Set<String> eventIds, Duration timeout) {
        Awaitility.await("Elasticsearch and the archive hold the " + eventIds.size() + " events").atMost(timeout)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
                    assertThat(search.count(eventIds)).as("event documents in Elasticsearch").isEqualTo(eventIds.size());
                    ArchivedEvents.Found archived = archive.find(eventIds);
                    assertThat(archived.distinct()).as("events in the archive").isEqualTo(eventIds.size());
                    assertThat(archived.copies()).as("Kafka records archived more than once").isZero();
                    if (exactlyOnceSource) {
                        assertThat(archived.resent()).as("events archived as more than one Kafka record").isZero();
                    }
                });
    }

    /** Documents in Elasticsearch holding one of the events. */
    long searchable(Collection<String> eventIds) {
        try {
            return search.count(eventIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    ArchivedEvents.Found archived(Collection<String> eventIds) {
        try {
            return archive.find(eventIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive, read through the S3 API. */
    ArchivedEvents archived() {
        return archive;
    }

    /** Every document of {@code events-*}. */
    long eventDocuments() {
        return search("/events-*/_count", "{}").path("count").asLong();
    }

    /** A search (or count) of Elasticsearch, after a refresh of every index. */
    JsonNode search(String path, String body) {
        send("/_refresh", null);
        return send(path, body);
    }

    private JsonNode send(String path, String body) {
        try {
            return JSON.readTree(search.send(path, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A money amount from Elasticsearch (a double) as a decimal of cents. */
    static BigDecimal money(JsonNode number) {
        return BigDecimal.valueOf(number.asDouble()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    SinkEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        archive.close();
    }
}
