package io.relaybox.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.relaybox.platform.LocalPlatform;
import io.relaybox.verification.audit.OrdersApi;

/**
 * Orders in currencies without and with three minor digits through the whole saga: a yen order's amounts are whole
 * yen and a Kuwaiti dinar order's are to the fils (1/1000) in the monolith, in payment's capture, in the
 * {@code PaymentCaptured} event and in the balance it moved; nothing is rounded anywhere (the seed gives customers
 * 000–189 yen and dinar accounts).
 */
@Order(6)
@ExtendWith(SharedPlatform.class)
class CurrencyMinorUnitsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void confirmsYenAndDinarOrdersWithEveryAmountInTheCurrencysMinorUnits(LocalPlatform platform) throws Exception {
        ServiceDatabases databases = new ServiceDatabases(platform);
        OrdersApi api = new OrdersApi(platform.endpoints().get("orders-api"));
        databases.restock("SKU-APPLE", 5);
        databases.restock("SKU-BREAD", 5);
        Map<String, String> balancesBefore = databases.balances();

        String yen = api.place("{\"customerId\":\"customer-150\",\"currency\":\"JPY\",\"lines\":["
                + "{\"sku\":\"SKU-APPLE\",\"quantity\":2,\"unitPrice\":1200},{\"sku\":\"SKU-BREAD\",\"quantity\":1,\"unitPrice\":99.0}]}")
                .path("orderId").asString();
        String dinars = api.place("{\"customerId\":\"customer-151\",\"currency\":\"KWD\",\"lines\":["
                + "{\"sku\":\"SKU-APPLE\",\"quantity\":3,\"unitPrice\":1.255},{\"sku\":\"SKU-BREAD\",\"quantity\":1,\"unitPrice\":0.5}]}")
                .path("orderId").asString();
        List<String> orders = List.of(yen, dinars);

        Awaitility.await("both orders confirmed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> databases.orderStatuses(orders).values().stream().filter("CONFIRMED"::equals).count() == 2);

        assertThat(databases.byOrder(ServiceDatabases.ORDERS, "SELECT id::text, total::text FROM orders WHERE id = ANY (?)", orders))
                .containsEntry(yen, "2499").containsEntry(dinars, "4.265");
        assertThat(databases.byOrder(ServiceDatabases.PAYMENT,
                "SELECT order_id::text, status || ' ' || amount::text FROM payment WHERE order_id = ANY (?)", orders))
                .containsEntry(yen, "CAPTURED 2499").containsEntry(dinars, "CAPTURED 4.265");
        assertThat(databases.byOrder(ServiceDatabases.PAYMENT, "SELECT aggregateid::text, payload->>'amount' FROM outbox_event"
                + " WHERE type = 'PaymentCaptured' AND aggregateid = ANY (CAST(? AS text[]))", orders))
                .containsEntry(yen, "2499").containsEntry(dinars, "4.265");
        Map<String, String> balances = databases.balances();
        assertThat(new BigDecimal(balances.get("customer-150 JPY")))
                .isEqualByComparingTo(new BigDecimal(balancesBefore.get("customer-150 JPY")).subtract(new BigDecimal("2499")));
        assertThat(new BigDecimal(balances.get("customer-151 KWD")))
                .isEqualByComparingTo(new BigDecimal(balancesBefore.get("customer-151 KWD")).subtract(new BigDecimal("4.265")));
        assertThat(balances.get("customer-151 KWD")).as("dinar balance to the fils").matches("\\d+\\.\\d{3}");
        assertThat(balances.get("customer-150 JPY")).as("yen balance in whole yen").matches("\\d+");
        Awaitility.await("the saga invariants").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databases.sagaViolations()).isEmpty());
    }
}
