package io.relaybox.payment;

import java.math.BigDecimal;

/**
 * A customer's balance in one currency.
 *
 * @param currency ISO 4217 code
 * @param balance what the customer can spend, scale 2, never negative
 * @param initial the balance when seeded (migration V2): initial − balance = captured and not refunded
 */
public record AccountBalance(String currency, BigDecimal balance, BigDecimal initial) {
}
