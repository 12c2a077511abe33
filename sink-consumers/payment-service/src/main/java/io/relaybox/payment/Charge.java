package io.relaybox.payment;

import java.math.BigDecimal;

/**
 * What to capture for an order: validated by {@link ChargeRules}.
 *
 * @param customerId whose account
 * @param currency ISO 4217 code of the account and the amount
 * @param amount not negative, scale 2
 */
public record Charge(String customerId, String currency, BigDecimal amount) {
}
