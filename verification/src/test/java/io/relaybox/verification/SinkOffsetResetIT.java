package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.TargetState;
import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * A sink's offsets are reset to the beginning of its topics through the Connect offsets API (KIP-875: stop, DELETE
 * the offsets, resume): the sink reads every event again, and Elasticsearch and the archive still hold each event
 * exactly once; the archive's objects are rewritten under the same keys with the same content.
 */
@Order(10)
@ExtendWith(SharedPlatform.class)
class SinkOffsetResetIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> TOPICS = List.of("orders.events", "inventory.events", "payments.events");

    @Test
    void elasticsearchHoldsEveryEventOnceAfterTheSinkReadAllOfItAgain(LocalPlatform platform) throws Exception {
        try (SinkContents sinks = new SinkContents(platform);
                EventTopics topics = new EventTopics(platform.kafka().bootstrapServers())) {
            Set<String> published = placeOrdersAndAwaitTheSinks(platform, sinks, 11);
            awaitCommittedToTheEnd(topics, LocalPlatform.ELASTICSEARCH_CONNECTOR);
            long documentsBefore = sinks.eventDocuments();

            resetOffsets(platform.connectClient(), LocalPlatform.ELASTICSEARCH_CONNECTOR);
            // with its offsets gone the sink starts at the beginning: back at the end means it read everything again
            awaitCommittedToTheEnd(topics, LocalPlatform.ELASTICSEARCH_CONNECTOR);

            sinks.awaitEachEventOnceInBothSinks(published, TIMEOUT);
            assertThat(sinks.eventDocuments()).as("event documents in Elasticsearch").isEqualTo(documentsBefore);
        }
    }

    @Test
    void theArchiveHoldsEveryEventOnceInTheSameObjectsAfterTheSinkReadAllOfItAgain(LocalPlatform platform) throws Exception {
        try (SinkContents sinks = new SinkContents(platform)) {
            Set<String> published = placeOrdersAndAwaitTheSinks(platform, sinks, 13);
            Map<String, String> objectsBefore = sinks.archived().objects();
            Instant reset = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // S3 times have seconds

            resetOffsets(platform.connectClient(), LocalPlatform.ARCHIVE_CONNECTOR);
            // the sink rebuilds every object from its first offset and uploads it again under its key
            Awaitility.await("every archive object written again").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sinks.archived().lastModified().values().stream().allMatch(written -> !written.isBefore(reset)));

            sinks.awaitEachEventOnceInBothSinks(published, TIMEOUT);
            assertThat(sinks.archived().objects()).as("the archive's objects and their ETags (content hashes)")
                    .isEqualTo(objectsBefore);
        }
    }

    private static Set<String> placeOrdersAndAwaitTheSinks(LocalPlatform platform, SinkContents sinks, long seed) {
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        OrderGenerator generator = new OrderGenerator(seed);
        Set<String> placed = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            placed.add(api.place(generator.nextOrderJson()).path("orderId").asString());
        }
        Set<String> published = sinks.publishedOnceSettled(placed, TIMEOUT);
        sinks.awaitEachEventOnceInBothSinks(published, TIMEOUT);
        return published;
    }

    private static void resetOffsets(ConnectClient connect, String connector) {
        connect.stop(connector);
        connect.awaitState(connector, TargetState.STOPPED, TIMEOUT);
        System.out.println(connector + ": " + connect.resetOffsets(connector));
        connect.resume(connector);
        connect.awaitRunning(connector, TIMEOUT);
    }

    /** Waits until the sink connector's consumer group has committed the end of every partition of its topics. */
    private static void awaitCommittedToTheEnd(EventTopics topics, String connector) {
        Awaitility.await(connector + " committed the end of its topics").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> topics.caughtUp("connect-" + connector, TOPICS));
    }
}
