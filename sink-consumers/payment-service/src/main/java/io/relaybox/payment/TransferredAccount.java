package io.relaybox.payment;

import java.math.BigDecimal;

/**
 * A customer's balance in one currency as a state transfer carries it: one row of the {@code account} table.
 *
 * @param customerId whose account
 * @param currency ISO 4217 code
 * @param balance what the customer can spend, at the currency's scale, never negative
 * @param initial the balance when seeded, at the currency's scale: initial − balance = captured and not refunded
 */
public record TransferredAccount(String customerId, String currency, BigDecimal balance, BigDecimal initial) {
}
