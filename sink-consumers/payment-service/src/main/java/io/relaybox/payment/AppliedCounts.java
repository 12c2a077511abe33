package io.relaybox.payment;

/**
 * What a state transfer wrote: the answer of {@code PUT /migration/state}.
 *
 * @param accounts the accounts inserted or updated
 * @param payments the payments inserted or replaced
 */
public record AppliedCounts(int accounts, int payments) {
}
