package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Cancellations on the real platform. Orders cancelled the moment they are placed, many at once: inventory and payment see OrderCancelled right behind
 * OrderPlaced, in the same partition, so they never release before reserving or refund before capturing, and
 * compensate each effect exactly once; every such order ends CANCELLED with nothing held (on hand and reserved as
 * before, per SKU). And orders cancelled after they were CONFIRMED: released and refunded.
 */
@Order(5)
@ExtendWith(SharedPlatform.class)
class CancellationOrderingIT {

    private static final int ORDERS = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String[] SKUS = {"SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES", "SKU-EGGS", "SKU-FLOUR",
            "SKU-GRAPES", "SKU-HONEY"};
    private static final String[] CURRENCIES = {"EUR", "USD", "CHF"};

    private ServiceDatabases databases;
    private OrdersApi api;
    private OrderEvents inventoryEvents;
    private OrderEvents paymentEvents;

    /** Opened before each test: the event readers read what is published from then on. */
    @BeforeEach
    void open(LocalPlatform platform) {
        databases = new ServiceDatabases(platform);
        api = new OrdersApi(platform.endpoints().get("orders-api"));
        inventoryEvents = new OrderEvents(platform.kafka().bootstrapServers(), EventTopics.INVENTORY);
        paymentEvents = new OrderEvents(platform.kafka().bootstrapServers(), EventTopics.PAYMENTS);
    }

    @AfterEach
    void close() {
        inventoryEvents.close();
        paymentEvents.close();
    }

    @Test
    void neverCompensatesBeforeTheEffectWhenOrdersAreCancelledRightAfterPlacement() throws Exception {
        // enough units of every SKU for all the orders (earlier tests may have used up the seed): each is reserved
        for (String sku : SKUS) {
            databases.restock(sku, ORDERS);
        }
        Map<String, String> stockBefore = databases.stock();
        Map<String, String> balancesBefore = databases.balances();

        List<String> orderIds = placeAndCancelAtOnce(api);

        Awaitility.await("every order compensated").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, String> reservations = databases.reservationStatuses(orderIds);
            Map<String, String> payments = databases.paymentStatuses(orderIds);
            return orderIds.stream().allMatch(id -> List.of("RELEASED", "REJECTED").contains(reservations.getOrDefault(id, "-"))
                    && List.of("REFUNDED", "FAILED").contains(payments.getOrDefault(id, "-")));
        });
        databases.awaitOutboxesInKafka(TIMEOUT);
        inventoryEvents.readToEnd(TIMEOUT);
        paymentEvents.readToEnd(TIMEOUT);

        Map<String, String> reservations = databases.reservationStatuses(orderIds);
        Map<String, String> payments = databases.paymentStatuses(orderIds);
        for (String orderId : orderIds) {
            assertThat(inventoryEvents.types(orderId)).as("inventory events of order %s (%s)", orderId, reservations.get(orderId))
                    .isEqualTo(reservations.get(orderId).equals("RELEASED") ? List.of("InventoryReserved", "InventoryReleased")
                            : List.of("InventoryRejected"));
            assertThat(paymentEvents.types(orderId)).as("payment events of order %s (%s)", orderId, payments.get(orderId))
                    .isEqualTo(payments.get(orderId).equals("REFUNDED") ? List.of("PaymentCaptured", "PaymentRefunded")
                            : List.of("PaymentFailed"));
        }
        long refunded = payments.values().stream().filter("REFUNDED"::equals).count();
        long released = reservations.values().stream().filter("RELEASED"::equals).count();
        System.out.printf("%d orders cancelled at once: %d captured then refunded, %d reserved then released%n", ORDERS,
                refunded, released);
        assertThat(refunded).as("orders captured, then refunded").isPositive();
        assertThat(released).as("orders reserved, then released (every SKU was in stock)").isEqualTo(ORDERS);

        assertThat(databases.orderStatuses(orderIds).values()).hasSize(ORDERS).containsOnly("CANCELLED");
        assertThat(databases.stock()).as("stock: every unit reserved came back").isEqualTo(stockBefore);
        assertThat(databases.balances()).as("balances: every charge was refunded").isEqualTo(balancesBefore);
        Awaitility.await("the saga invariants").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
    }

    /**
     * Cancelling a CONFIRMED order is allowed (the order API's documented choice, not a 409): the order ends
     * CANCELLED, inventory releases its reservation and payment refunds its capture, each once, and the stock and the
     * balances are what they were before the order.
     */
    @Test
    void cancelsAConfirmedOrderWithARefundAndARelease() throws Exception {
        for (String sku : SKUS) {
            databases.restock(sku, 10);
        }
        Map<String, String> stockBefore = databases.stock();
        Map<String, String> balancesBefore = databases.balances();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // a cent, of customers with an account: almost surely confirmed
            placed.add(api.place("{\"customerId\":\"customer-" + String.format("%03d", 10 + i) + "\",\"currency\":\""
                    + CURRENCIES[i % CURRENCIES.length] + "\",\"lines\":[{\"sku\":\"" + SKUS[i % SKUS.length]
                    + "\",\"quantity\":1,\"unitPrice\":0.01}]}").path("orderId").asString());
        }
        Awaitility.await("every order settled").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> !databases.orderStatuses(placed).containsValue("PENDING"));
        List<String> confirmed = databases.orderStatuses(placed).entrySet().stream()
                .filter(status -> status.getValue().equals("CONFIRMED")).map(Map.Entry::getKey).toList();
        assertThat(confirmed).as("confirmed orders to cancel").isNotEmpty();

        for (String orderId : confirmed) {
            assertThat(api.cancel(orderId).path("status").asString()).isEqualTo("CANCELLED");
        }

        Awaitility.await("every confirmed order released and refunded").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.reservationStatuses(confirmed).values().stream().filter("RELEASED"::equals).count() == confirmed.size()
                        && databases.paymentStatuses(confirmed).values().stream().filter("REFUNDED"::equals).count() == confirmed.size());
        databases.awaitOutboxesInKafka(TIMEOUT);
        inventoryEvents.readToEnd(TIMEOUT);
        paymentEvents.readToEnd(TIMEOUT);
        for (String orderId : confirmed) {
            assertThat(inventoryEvents.types(orderId)).as("inventory events of order %s", orderId)
                    .containsExactly("InventoryReserved", "InventoryReleased");
            assertThat(paymentEvents.types(orderId)).as("payment events of order %s", orderId)
                    .containsExactly("PaymentCaptured", "PaymentRefunded");
        }
        assertThat(databases.orderStatuses(confirmed).values()).containsOnly("CANCELLED");
        // the orders the saga cancelled (no stock, no money) took nothing either: everything came back
        assertThat(databases.stock()).as("stock").isEqualTo(stockBefore);
        assertThat(databases.balances()).as("balances").isEqualTo(balancesBefore);
        Awaitility.await("the saga invariants").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
    }

    /** Places each order and cancels it as soon as the API answered, eight customers at a time. */
    private static List<String> placeAndCancelAtOnce(OrdersApi api) throws Exception {
        Random random = new Random(4);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            // small orders of customers with an account: both effects are likely, so both compensations are exercised
            bodies.add("{\"customerId\":\"customer-" + String.format("%03d", random.nextInt(190)) + "\",\"currency\":\""
                    + CURRENCIES[random.nextInt(CURRENCIES.length)] + "\",\"lines\":[{\"sku\":\"" + SKUS[random.nextInt(SKUS.length)]
                    + "\",\"quantity\":1,\"unitPrice\":" + (1 + random.nextInt(5)) + ".00}]}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> requests = new ArrayList<>();
            for (String body : bodies) {
                requests.add(pool.submit(() -> {
                    String orderId = api.place(body).path("orderId").asString();
                    api.cancelUnlessCancelled(orderId);
                    return orderId;
                }));
            }
            List<String> orderIds = new ArrayList<>();
            for (Future<String> request : requests) {
                orderIds.add(request.get());
            }
            return orderIds;
        } finally {
            pool.shutdown();
        }
    }
}
