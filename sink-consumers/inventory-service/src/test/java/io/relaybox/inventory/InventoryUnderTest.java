package io.relaybox.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.relaybox.service.contract.HttpCall;
import io.relaybox.service.contract.ServiceDatabase;
import io.relaybox.service.contract.ServiceUnderTest;
import io.relaybox.service.contract.TestOrder;

/** The inventory service as the idempotent-consumer contract drives it: orders draw SKU-APPLE and SKU-BREAD. */
final class InventoryUnderTest implements ServiceUnderTest {

    private static final String SCARCE_SKU = "SKU-SCARCE";

    @Override
    public Class<?> application() {
        return InventoryServiceApplication.class;
    }

    @Override
    public String consumer() {
        return "inventory-service";
    }

    @Override
    public String role() {
        return "inventory_app";
    }

    @Override
    public String aggregateType() {
        return "inventory";
    }

    @Override
    public String appliedType() {
        return "InventoryReserved";
    }

    @Override
    public String refusedType() {
        return "InventoryRejected";
    }

    @Override
    public String compensatedType() {
        return "InventoryReleased";
    }

    /** Two lines of SKU-APPLE (summed into one) and one of SKU-BREAD: 4 units. */
    @Override
    public TestOrder order(UUID orderId) {
        return new TestOrder(orderId, "customer-000", "EUR", List.of(TestOrder.line("SKU-APPLE", 1, "1.25"),
                TestOrder.line("SKU-BREAD", 2, "2.00"), TestOrder.line("SKU-APPLE", 1, "1.25")));
    }

    @Override
    public HttpCall applyOverHttp(TestOrder order) {
        String lines = order.lines().stream()
                .map(line -> "{\"sku\": \"" + line.sku() + "\", \"quantity\": " + line.quantity() + "}")
                .collect(Collectors.joining(", "));
        return new HttpCall("/reservations/" + order.orderId(), "{\"lines\": [" + lines + "]}");
    }

    @Override
    public BigDecimal level(ServiceDatabase database, TestOrder order) {
        return database.decimal("SELECT sum(on_hand) FROM stock WHERE sku IN ('SKU-APPLE', 'SKU-BREAD')");
    }

    @Override
    public BigDecimal cost(TestOrder order) {
        return BigDecimal.valueOf(order.units());
    }

    @Override
    public void createScarceResource(ServiceDatabase database, int units) {
        database.execute("INSERT INTO stock (sku, on_hand, reserved, initial) VALUES (?, ?, 0, ?) ON CONFLICT (sku)"
                + " DO UPDATE SET on_hand = EXCLUDED.on_hand, reserved = 0, initial = EXCLUDED.initial",
                SCARCE_SKU, units, units);
    }

    @Override
    public TestOrder scarceOrder(UUID orderId) {
        return new TestOrder(orderId, "customer-001", "EUR", List.of(TestOrder.line(SCARCE_SKU, 1, "1.00")));
    }

    @Override
    public BigDecimal scarceLevel(ServiceDatabase database) {
        return database.decimal("SELECT on_hand FROM stock WHERE sku = ?", SCARCE_SKU);
    }
}
