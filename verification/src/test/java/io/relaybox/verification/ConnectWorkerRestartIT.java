package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ManagedProcess;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * The Kafka Connect worker goes away in the middle of a burst of orders and comes back: no event is lost.
 * At-least-once delivery may re-send some into Kafka; they are counted and printed, not failed on. The sinks, running
 * in the same worker, still hold each event exactly once: Elasticsearch by event id, the archive by keys that are a
 * pure function of the records.
 */
@Order(8)
@ExtendWith(SharedPlatform.class)
class ConnectWorkerRestartIT {

    private static final int ORDERS = 600;
    private static final Duration READY = Duration.ofMinutes(3);

    @Test
    void losesNoEventWhenTheWorkerIsRestartedMidBurst(LocalPlatform platform) throws Exception {
        assertNoEventLostWhile(platform, "graceful restart", worker -> worker.restart(READY));
    }

    @Test
    void losesNoEventWhenTheWorkerIsKilledMidBurst(LocalPlatform platform) throws Exception {
        assertNoEventLostWhile(platform, "kill -9 and start", worker -> {
            worker.kill();
            worker.startAndAwaitReady(READY);
        });
    }

    private void assertNoEventLostWhile(LocalPlatform platform, String fault, Consumer<ManagedProcess> disruption) throws Exception {
        try (OrderEvents events = new OrderEvents(platform.kafka().bootstrapServers()); SinkContents sinks = new SinkContents(platform)) {
            OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
            OrderGenerator generator = new OrderGenerator(7);
            Set<String> placed = ConcurrentHashMap.newKeySet();
            AtomicInteger requests = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CompletableFuture<?>[] burst = new CompletableFuture<?>[ORDERS];
            for (int i = 0; i < ORDERS; i++) {
                burst[i] = CompletableFuture.runAsync(() -> {
                    placed.add(api.place(generator.nextOrderJson()).path("orderId").asString());
                    requests.incrementAndGet();
                }, pool);
            }

            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> requests.get() >= ORDERS / 4);
            disruption.accept(platform.connect().process());
            platform.connectClient().awaitRunning(LocalPlatform.ORDERS_CONNECTOR, READY);
            CompletableFuture.allOf(burst).get(5, TimeUnit.MINUTES);
            pool.shutdown();

            events.awaitUntil(e -> e.hasAll(placed, "OrderPlaced"), Duration.ofMinutes(3));

            long duplicates = placed.stream().mapToLong(id -> events.of(id, "OrderPlaced").size() - 1).sum();
            System.out.printf("%s of the Connect worker during %d orders: lost=0 duplicates=%d%n", fault, ORDERS, duplicates);
            assertThat(placed).hasSize(ORDERS).allSatisfy(id -> assertThat(events.of(id, "OrderPlaced")).isNotEmpty());

            Set<String> published = sinks.publishedOnceSettled(placed, Duration.ofMinutes(3));
            sinks.awaitEachEventOnceInBothSinks(published, Duration.ofMinutes(3));
            System.out.printf("%s: Elasticsearch holds each of the %d events once, the archive each Kafka record once"
                    + " (%d events re-sent by CDC are archived as the two records Kafka holds)%n", fault, published.size(),
                    sinks.archived(published).resent());
        }
    }
}
