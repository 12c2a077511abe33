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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Orders cancelled the moment they are placed, many at once: inventory and payment see OrderCancelled right behind
 * OrderPlaced, in the same partition, so they never release before reserving or refund before capturing, and
 * compensate each effect exactly once; every such order ends CANCELLED with nothing held (on hand and reserved as
 * before, per SKU).
 */
@Order(5)
@ExtendWith(SharedPlatform.class)
class CancellationOrderingIT {

    private static final int ORDERS = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String[] SKUS = {"SKU-APPLE", "SKU-BREAD", "SKU-CHEESE", "SKU-DATES", "SKU-EGGS", "SKU-FLOUR",
            "SKU-GRAPES", "SKU-HONEY"};
    private static final String[] CURRENCIES = {"EUR", "USD", "CHF"};

    @Test
    void neverCompensatesBeforeTheEffectWhenOrdersAreCancelledRightAfterPlacement(LocalPlatform platform) throws Exception {
        ServiceDatabases databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        String bootstrapServers = platform.kafka().bootstrapServers();
        try (OrderEvents inventoryEvents = new OrderEvents(bootstrapServers, EventTopics.INVENTORY);
                OrderEvents paymentEvents = new OrderEvents(bootstrapServers, EventTopics.PAYMENTS)) {
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
