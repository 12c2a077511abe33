package io.relaybox.payment;

/**
 * Which account: a customer's balance in one currency (the key of the {@code account} table).
 *
 * @param customerId whose account
 * @param currency ISO 4217 code
 */
public record AccountKey(String customerId, String currency) {
}
