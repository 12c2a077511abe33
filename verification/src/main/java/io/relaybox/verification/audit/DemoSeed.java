package io.relaybox.verification.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sizes the services' stock and balances to the number of orders the demo is about to place, so that any number gives
 * the mix the services' seed gives 1,000 orders (some SKUs run short, some customers run out of money; customers
 * 190–199 have no account): every SKU gets 450 units on hand per 1,000 orders, every account 400.00 per 1,000 orders
 * and never less than 400.00 (an order costs about 150, so fewer orders than that spread over 570 accounts would
 * otherwise all fail for money). Sizing moves {@code initial} by the same amount as what is on hand, so the invariants
 * (initial − on hand = what CONFIRMED orders took) keep holding for orders placed before.
 *
 * @param unitsPerSku units on hand per SKU once sized
 * @param balancePerAccount balance per customer and currency once sized (in the currencies the demo orders in)
 */
public record DemoSeed(int unitsPerSku, BigDecimal balancePerAccount) {

    static final int UNITS_PER_1000_ORDERS = 450;
    static final BigDecimal BALANCE_PER_1000_ORDERS = new BigDecimal("400.00");

    /** The sizes for this many orders. */
    public static DemoSeed forOrders(int orders) {
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be at least 1, was " + orders);
        }
        int units = (int) Math.max(1, Math.ceil(UNITS_PER_1000_ORDERS * orders / 1000.0));
        BigDecimal balance = BALANCE_PER_1000_ORDERS.multiply(BigDecimal.valueOf(Math.max(1000, orders)))
                .divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
        return new DemoSeed(units, balance);
    }

    /** Sets every SKU's units on hand and every account's balance to these sizes. */
    public void applyTo(PlatformDatabases databases) throws SQLException {
        try (Connection inventory = databases.connect("inventory");
                PreparedStatement stock = inventory.prepareStatement(
                        // every right-hand side sees the row as it was: initial moves by what on_hand moves
                        "UPDATE stock SET initial = initial + (? - on_hand), on_hand = ?")) {
            stock.setInt(1, unitsPerSku);
            stock.setInt(2, unitsPerSku);
            stock.executeUpdate();
        }
        try (Connection payment = databases.connect("payment");
                PreparedStatement accounts = payment.prepareStatement(
                        "UPDATE account SET initial = initial + (? - balance), balance = ? WHERE currency = ANY (?)")) {
            accounts.setBigDecimal(1, balancePerAccount);
            accounts.setBigDecimal(2, balancePerAccount);
            // the currencies the orders are in; a yen account keeps its whole yen
            accounts.setArray(3, payment.createArrayOf("text", OrderGenerator.CURRENCIES));
            accounts.executeUpdate();
        }
    }

    /** One line for the demo's output. */
    public String describe(int orders) {
        return "sized for " + orders + " orders: " + unitsPerSku + " units per SKU, " + balancePerAccount.toPlainString()
                + " per account and currency";
    }
}
