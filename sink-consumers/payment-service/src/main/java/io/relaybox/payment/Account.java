package io.relaybox.payment;

import java.util.List;

/**
 * A customer's balances, one per currency.
 *
 * @param customerId the customer
 * @param balances by currency, sorted by currency code
 */
public record Account(String customerId, List<AccountBalance> balances) {

    public Account {
        balances = List.copyOf(balances);
    }
}
