package io.relaybox.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.relaybox.service.contract.HttpCall;
import io.relaybox.service.contract.ServiceDatabase;
import io.relaybox.service.contract.ServiceUnderTest;
import io.relaybox.service.contract.TestOrder;

/** The payment service as the idempotent-consumer contract drives it: orders draw on customer-007's CHF account. */
final class PaymentUnderTest implements ServiceUnderTest {

    private static final String CUSTOMER = "customer-007";
    private static final String CURRENCY = "CHF";
    private static final String SCARCE_CUSTOMER = "customer-scarce";

    @Override
    public Class<?> application() {
        return PaymentServiceApplication.class;
    }

    @Override
    public String consumer() {
        return "payment-service";
    }

    @Override
    public String role() {
        return "payment_app";
    }

    @Override
    public String aggregateType() {
        return "payments";
    }

    @Override
    public String appliedType() {
        return "PaymentCaptured";
    }

    @Override
    public String refusedType() {
        return "PaymentFailed";
    }

    @Override
    public String compensatedType() {
        return "PaymentRefunded";
    }

    /** 6.50 CHF of customer-007. */
    @Override
    public TestOrder order(UUID orderId) {
        return new TestOrder(orderId, CUSTOMER, CURRENCY, List.of(TestOrder.line("SKU-APPLE", 1, "1.25"),
                TestOrder.line("SKU-BREAD", 2, "2.00"), TestOrder.line("SKU-APPLE", 1, "1.25")));
    }

    @Override
    public HttpCall applyOverHttp(TestOrder order) {
        return new HttpCall("/payments/" + order.orderId() + "/capture", "{\"customerId\": \"" + order.customerId()
                + "\", \"currency\": \"" + order.currency() + "\", \"amount\": " + order.total() + "}");
    }

    @Override
    public BigDecimal level(ServiceDatabase database, TestOrder order) {
        return database.decimal("SELECT balance FROM account WHERE customer_id = ? AND currency = ?", CUSTOMER,
                CURRENCY);
    }

    @Override
    public BigDecimal cost(TestOrder order) {
        return order.total();
    }

    @Override
    public void createScarceResource(ServiceDatabase database, int units) {
        database.execute("INSERT INTO account (customer_id, currency, balance, initial) VALUES (?, 'EUR', ?, ?)"
                + " ON CONFLICT (customer_id, currency) DO UPDATE SET balance = EXCLUDED.balance,"
                + " initial = EXCLUDED.initial", SCARCE_CUSTOMER, BigDecimal.valueOf(units), BigDecimal.valueOf(units));
    }

    /** 1.00 EUR of customer-scarce. */
    @Override
    public TestOrder scarceOrder(UUID orderId) {
        return new TestOrder(orderId, SCARCE_CUSTOMER, "EUR", List.of(TestOrder.line("SKU-APPLE", 1, "1.00")));
    }

    @Override
    public BigDecimal scarceLevel(ServiceDatabase database) {
        return database.decimal("SELECT balance FROM account WHERE customer_id = ? AND currency = 'EUR'",
                SCARCE_CUSTOMER);
    }
}
