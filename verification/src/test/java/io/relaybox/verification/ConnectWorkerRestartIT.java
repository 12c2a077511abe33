package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * The Kafka Connect worker goes away in the middle of a burst of orders, while its outbox sources stream, and comes
 * back. With exactly-once source (the platform's default) every event the services committed is in Kafka exactly once
 * afterwards: none lost, none twice, none that no database committed; and the sinks, running in the same worker, hold
 * each event once (Elasticsearch by event id, the archive as one line). The expected events are the outbox rows the
 * services committed about the orders the API acknowledged with 201, never what Kafka holds.
 */
@Order(8)
@ExtendWith(SharedPlatform.class)
class ConnectWorkerRestartIT {

    private static final int ORDERS = 400;
    private static final Duration READY = Duration.ofMinutes(3);
    // after a kill -9 the restarted worker waits for the killed tasks' open transactions to time out before it reads
    // its offsets (about a minute), while orders pile up: the saga then has a backlog to settle on a loaded machine
    private static final Duration SETTLE = Duration.ofMinutes(6);
    private static final List<String> TOPICS = List.of(EventTopics.ORDERS, EventTopics.INVENTORY, EventTopics.PAYMENTS);

    @Test
    void deliversEachEventOnceWhenTheWorkerIsRestartedMidStream(LocalPlatform platform) throws Exception {
        assertEachEventOnceAfter(platform, "graceful restart", worker -> worker.restart(READY));
    }

    @Test
    void deliversEachEventOnceWhenTheWorkerIsKilledMidStream(LocalPlatform platform) throws Exception {
        assertEachEventOnceAfter(platform, "kill -9 and start", worker -> {
            worker.kill();
            worker.startAndAwaitReady(READY);
        });
    }

    private void assertEachEventOnceAfter(LocalPlatform platform, String fault, Consumer<ManagedProcess> disruption) throws Exception {
        ServiceDatabases databases = new ServiceDatabases(platform);
        String bootstrapServers = platform.kafka().bootstrapServers();
        try (OrderEvents orders = new OrderEvents(bootstrapServers, EventTopics.ORDERS);
                OrderEvents inventory = new OrderEvents(bootstrapServers, EventTopics.INVENTORY);
                OrderEvents payments = new OrderEvents(bootstrapServers, EventTopics.PAYMENTS);
                EventTopics topics = new EventTopics(bootstrapServers);
                SinkContents sinks = new SinkContents(platform)) {
            OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
            OrderGenerator generator = new OrderGenerator(7);
            Set<String> placed = ConcurrentHashMap.newKeySet();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CompletableFuture<?>[] burst = new CompletableFuture<?>[ORDERS];
            for (int i = 0; i < ORDERS; i++) {
                burst[i] = CompletableFuture.runAsync(() -> {
                    placed.add(api.place(generator.nextOrderJson()).path("orderId").asString());
                    acknowledged.incrementAndGet();
                }, pool);
            }

            // mid-stream: a quarter of the orders acknowledged and their events flowing into Kafka
            Awaitility.await("a quarter of the orders acknowledged").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100)).until(() -> acknowledged.get() >= ORDERS / 4);
            orders.awaitUntil(e -> placed.stream().anyMatch(id -> !e.of(id).isEmpty()), Duration.ofMinutes(2));
            Map<TopicPartition, Long> endAtCrash = topics.endOffsets(TOPICS);
            int acknowledgedAtCrash = acknowledged.get();
            long crash = System.nanoTime();
            disruption.accept(platform.connect().process());
            platform.connectClient().awaitRunning(LocalPlatform.ORDERS_CONNECTOR, READY);
            long recoveredAfter = Duration.ofNanos(System.nanoTime() - crash).toSeconds();
            CompletableFuture.allOf(burst).get(5, TimeUnit.MINUTES);
            pool.shutdown();

            assertThat(placed).as("orders acknowledged with 201").hasSize(ORDERS);
            assertThat(databases.orderStatuses(placed)).as("acknowledged orders in the monolith's database").hasSize(ORDERS);
            Set<String> committed = sinks.publishedOnceSettled(placed, SETTLE);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            for (OrderEvents topic : List.of(orders, inventory, payments)) {
                topic.readToEnd(SETTLE);
                placed.forEach(orderId -> records.addAll(topic.of(orderId)));
            }

            Map<String, Integer> recordsPerEvent = new HashMap<>();
            records.forEach(record -> recordsPerEvent.merge(OrderEvents.header(record, "id"), 1, Integer::sum));
            List<String> lost = committed.stream().filter(id -> !recordsPerEvent.containsKey(id)).toList();
            List<String> uncommitted = recordsPerEvent.keySet().stream().filter(id -> !committed.contains(id)).toList();
            long duplicates = recordsPerEvent.values().stream().mapToLong(n -> n - 1).sum();
            long beforeCrash = records.stream().filter(r -> r.offset() < endAtCrash.get(new TopicPartition(r.topic(), r.partition()))).count();
            System.out.printf("%s of the Connect worker after %d of %d orders were acknowledged (orders connector running again"
                    + " after %d s): %d events committed, %d Kafka records (%d before the crash, %d after), lost=%d duplicates=%d"
                    + " uncommitted=%d%n", fault, acknowledgedAtCrash, ORDERS, recoveredAfter, committed.size(), records.size(),
                    beforeCrash, records.size() - beforeCrash, lost.size(), duplicates, uncommitted.size());

            assertThat(acknowledgedAtCrash).as("orders acknowledged before the crash").isLessThan(ORDERS);
            assertThat(beforeCrash).as("records of the orders in Kafka before the crash").isPositive();
            assertThat(records.size() - beforeCrash).as("records of the orders in Kafka after the crash").isPositive();
            assertThat(lost).as("committed events missing from Kafka").isEmpty();
            assertThat(uncommitted).as("events in Kafka no database committed").isEmpty();
            assertThat(platform.settings().exactlyOnceSource()).as("exactly-once source (the platform's default)").isTrue();
            assertThat(duplicates).as("events in Kafka more than once (exactly-once source)").isZero();

            sinks.awaitEachEventOnceInBothSinks(committed, SETTLE);
        }
    }
}
