package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Inventory and payment are killed (-9) after their database commit and before their offset commit, first while
 * applying an order (in one instance), then while compensating it (in the other instance, which received the records
 * again once the group noticed the first was gone): each time the next consumer skips what was applied, so the
 * reservation, the charge, the release and the refund each happen once. The crash-test hook pauses a consumer at
 * exactly that point.
 */
@Order(4)
@ExtendWith(SharedPlatform.class)
class ConsumerCrashIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final BigDecimal PRICE = new BigDecimal("1.00");

    private Services services;

    @AfterEach
    void leaveEveryServiceRunningUnpaused() {
        if (services != null) {
            services.disarmPauseHooks(Services.INVENTORY);
            services.disarmPauseHooks(Services.PAYMENT);
            services.startStopped();
        }
    }

    @Test
    void reservesChargesReleasesAndRefundsOnceWhenKilledBetweenDatabaseAndOffsetCommit(LocalPlatform platform) {
        services = new Services(platform);
        ServiceDatabases databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        String bootstrapServers = platform.kafka().bootstrapServers();
        try (OrderEvents orderEvents = new OrderEvents(bootstrapServers);
                OrderEvents inventoryEvents = new OrderEvents(bootstrapServers, EventTopics.INVENTORY);
                OrderEvents paymentEvents = new OrderEvents(bootstrapServers, EventTopics.PAYMENTS)) {
            // the richest account pays for sure; the SKU, given one more unit, is reserved for sure
            Map.Entry<String, String> account = databases.rows(ServiceDatabases.PAYMENT, "SELECT customer_id, currency"
                    + " FROM account ORDER BY balance DESC, customer_id, currency LIMIT 1").entrySet().iterator().next();
            String sku = databases.rows(ServiceDatabases.INVENTORY, "SELECT sku, on_hand FROM stock ORDER BY on_hand DESC,"
                    + " sku LIMIT 1").keySet().iterator().next();
            databases.restock(sku, 1);
            String balanceKey = account.getKey() + " " + account.getValue();
            Map<String, String> stockBefore = databases.stock();
            Map<String, String> balancesBefore = databases.balances();

            services.armPauseHooks(Services.INVENTORY);
            services.armPauseHooks(Services.PAYMENT);
            String orderId = api.place("{\"customerId\":\"" + account.getKey() + "\",\"currency\":\"" + account.getValue()
                    + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":" + PRICE + "}]}")
                    .path("orderId").asString();
            List<String> order = List.of(orderId);

            // 1. both applied OrderPlaced (reserved; captured) and stopped before committing its offset
            String inventoryInstance = services.awaitPaused(Services.INVENTORY, TIMEOUT);
            String paymentInstance = services.awaitPaused(Services.PAYMENT, TIMEOUT);
            assertThat(databases.reservationStatuses(order)).containsEntry(orderId, "RESERVED");
            assertThat(databases.paymentStatuses(order)).containsEntry(orderId, "CAPTURED");
            assertThat(new BigDecimal(databases.balances().get(balanceKey)))
                    .isEqualByComparingTo(new BigDecimal(balancesBefore.get(balanceKey)).subtract(PRICE));
            // the customer cancels (unless the saga did already, for want of stock): OrderCancelled queues behind
            api.cancelUnlessCancelled(orderId);
            orderEvents.awaitUntil(e -> !e.of(orderId, "OrderCancelled").isEmpty(), TIMEOUT);
            services.kill(inventoryInstance);
            services.kill(paymentInstance);

            // 2. once the groups noticed (10 s session timeout), the other instances receive OrderPlaced again (skipped)
            // and OrderCancelled (released; refunded), and are killed there too
            Awaitility.await("the other instances compensated and paused").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> services.pausedInstance(Services.INVENTORY).isPresent()
                            && services.pausedInstance(Services.PAYMENT).isPresent()
                            && "RELEASED".equals(databases.reservationStatuses(order).get(orderId))
                            && "REFUNDED".equals(databases.paymentStatuses(order).get(orderId)));
            services.kill(services.pausedInstance(Services.INVENTORY).orElseThrow());
            services.kill(services.pausedInstance(Services.PAYMENT).orElseThrow());
            assertThat(new BigDecimal(databases.balances().get(balanceKey)))
                    .isEqualByComparingTo(new BigDecimal(balancesBefore.get(balanceKey)));
            services.disarmPauseHooks(Services.INVENTORY);
            services.disarmPauseHooks(Services.PAYMENT);
            services.startStopped();

            // 3. the restarted instances receive all of it once more and skip it: nothing happens twice
            Awaitility.await("the redelivered records skipped").atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().untilAsserted(() -> {
                        assertThat(services.counters(Services.INVENTORY).total().duplicatesSkipped()).isGreaterThanOrEqualTo(2);
                        assertThat(services.counters(Services.PAYMENT).total().duplicatesSkipped()).isGreaterThanOrEqualTo(2);
                    });
            databases.awaitOutboxesInKafka(TIMEOUT);
            inventoryEvents.readToEnd(TIMEOUT);
            paymentEvents.readToEnd(TIMEOUT);

            assertThat(databases.orderStatuses(order)).containsEntry(orderId, "CANCELLED");
            assertThat(paymentEvents.types(orderId)).containsExactly("PaymentCaptured", "PaymentRefunded");
            assertThat(databases.reservationStatuses(order)).containsEntry(orderId, "RELEASED");
            assertThat(inventoryEvents.types(orderId)).containsExactly("InventoryReserved", "InventoryReleased");
            assertThat(databases.stock()).isEqualTo(stockBefore);
            assertThat(databases.balances()).isEqualTo(balancesBefore);
            Awaitility.await("the saga invariants").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
        }
    }
}
