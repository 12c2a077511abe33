package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.platform.ServiceKind;
import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/**
 * 750 orders against the seed, which is sized so that some SKUs run short and some customers run out of money (and
 * customers 190–199 have no account; the 450 units of a SKU run short after about 600 orders, which
 * ask for about three quarters of a unit of each SKU on average): every order ends CONFIRMED or CANCELLED, stock and money moved exactly for the
 * CONFIRMED orders, and nothing is left reserved or charged for a CANCELLED one. Runs first of all verification tests,
 * on the untouched seed (the stock is shared by the whole run).
 */
@Order(1)
@ExtendWith(SharedPlatform.class)
class SagaInvariantsIT {

    private static final int ORDERS = 750;
    private static final Duration SETTLE = Duration.ofMinutes(5);

    static final Set<String> placed = ConcurrentHashMap.newKeySet();
    static Services services;
    static ServiceDatabases databases;
    static Map<ServiceKind, Services.Counters> countersBefore = new ConcurrentHashMap<>();

    @BeforeAll
    static void placeOrdersAndLetTheSagaSettle(LocalPlatform platform) throws Exception {
        services = new Services(platform);
        databases = new ServiceDatabases(platform);
        Services.CONSUMERS.forEach(kind -> countersBefore.put(kind, services.counters(kind)));
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        placed.addAll(OrderLoad.place(api, new OrderGenerator(1_000), ORDERS, 8));

        Awaitility.await("every order CONFIRMED or CANCELLED").atMost(SETTLE).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.invariants().statusCounts(placed).get("PENDING") == 0);
        // the last order can end while compensations of earlier ones are still on their way
        Awaitility.await("the saga invariants").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
    }

    @Test
    void endsEveryOrderConfirmedOrCancelled() throws Exception {
        Map<String, Long> statuses = databases.invariants().statusCounts(placed);
        System.out.printf("%d orders: %d CONFIRMED, %d CANCELLED%n", placed.size(), statuses.get("CONFIRMED"),
                statuses.get("CANCELLED"));
        assertThat(placed).hasSize(ORDERS);
        assertThat(statuses.get("PENDING")).isZero();
        assertThat(statuses.get("CONFIRMED") + statuses.get("CANCELLED")).isEqualTo(ORDERS);
    }

    @Test
    void movesStockAndMoneyExactlyForTheConfirmedOrders() throws Exception {
        // per SKU initial − on hand = units CONFIRMED = reserved = units of RESERVED reservations; per account
        // initial − balance = total CONFIRMED; nothing held for a CANCELLED order
        assertThat(databases.sagaViolations()).isEmpty();
    }

    @Test
    void confirmsSomeOrdersAndCancelsOthersForShortStockShortMoneyAndUnknownCustomers() {
        Map<String, String> reasons = databases.byOrder(ServiceDatabases.ORDERS,
                "SELECT id::text, coalesce(cancellation_reason, status) FROM orders WHERE id = ANY (?)", placed);
        Map<String, Long> byReason = new TreeMap<>();
        reasons.values().forEach(reason -> byReason.merge(kindOf(reason), 1L, Long::sum));
        System.out.println("outcomes of " + ORDERS + " orders: " + byReason);

        assertThat(byReason).containsOnlyKeys("CONFIRMED", "inventory rejected", "payment failed: INSUFFICIENT_FUNDS",
                "payment failed: UNKNOWN_CUSTOMER");
        assertThat(byReason.values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    private static String kindOf(String reason) {
        for (String kind : List.of("CONFIRMED", "inventory rejected", "payment failed: INSUFFICIENT_FUNDS",
                "payment failed: UNKNOWN_CUSTOMER")) {
            if (reason.startsWith(kind)) {
                return kind;
            }
        }
        return reason;
    }

    @Test
    void holdsTheReservationAndTheCaptureOfEachConfirmedOrderAndNeitherForACancelledOne() {
        Map<String, String> orders = databases.byOrder(ServiceDatabases.ORDERS, "SELECT o.id::text, concat_ws(' | ',"
                + " o.status, coalesce(o.cancellation_reason, '-'), o.customer_id, o.currency, o.total, (SELECT string_agg("
                + "sku || ' x' || quantity, ', ' ORDER BY sku) FROM (SELECT sku, sum(quantity) AS quantity FROM order_line"
                + " WHERE order_id = o.id GROUP BY sku) l)) FROM orders o WHERE o.id = ANY (?)", placed);
        Map<String, String> reservations = databases.byOrder(ServiceDatabases.INVENTORY, "SELECT r.order_id::text,"
                + " concat_ws(' | ', r.status, (SELECT string_agg(sku || ' x' || quantity, ', ' ORDER BY sku) FROM"
                + " reservation_line WHERE order_id = r.order_id)) FROM reservation r WHERE r.order_id = ANY (?)", placed);
        Map<String, String> payments = databases.byOrder(ServiceDatabases.PAYMENT, "SELECT order_id::text,"
                + " concat_ws(' | ', status, coalesce(failure_reason, '-'), customer_id, currency, amount) FROM payment"
                + " WHERE order_id = ANY (?)", placed);

        assertThat(orders).hasSize(ORDERS);
        orders.forEach((orderId, row) -> {
            String[] order = row.split(" \\| ", -1);
            String status = order[0];
            String reason = order[1];
            String charge = order[2] + " | " + order[3] + " | " + order[4];
            String lines = order[5];
            String reservation = reservations.get(orderId);
            String payment = payments.get(orderId);
            if (status.equals("CONFIRMED")) {
                assertThat(reservation).as("reservation of CONFIRMED order %s", orderId).isEqualTo("RESERVED | " + lines);
                assertThat(payment).as("payment of CONFIRMED order %s", orderId).isEqualTo("CAPTURED | - | " + charge);
            } else {
                assertThat(status).as("order %s", orderId).isEqualTo("CANCELLED");
                assertThat(reservation).as("reservation of CANCELLED order %s", orderId).matches("(REJECTED|RELEASED) \\| .*");
                assertThat(payment).as("payment of CANCELLED order %s", orderId).matches("(FAILED|REFUNDED) \\| .*");
                if (reason.startsWith("inventory rejected")) {
                    assertThat(reservation).as("reservation of order %s (%s)", orderId, reason).startsWith("REJECTED");
                } else {
                    assertThat(reason).as("cancellation reason of order %s", orderId).startsWith("payment failed: ");
                    String failure = reason.substring("payment failed: ".length()).split(" ")[0];
                    assertThat(payment).as("payment of order %s (%s)", orderId, reason)
                            .isEqualTo("FAILED | " + failure + " | " + charge);
                }
            }
        });
    }

    @Test
    void deadLettersAndParksNothing() {
        for (ServiceKind kind : Services.CONSUMERS) {
            Services.InboxCounts counted = services.counters(kind).since(countersBefore.get(kind));
            assertThat(counted.deadLettered()).as("dead letters of %s", kind.name()).isZero();
            assertThat(counted.parked()).as("parked events of %s", kind.name()).isZero();
        }
    }
}
