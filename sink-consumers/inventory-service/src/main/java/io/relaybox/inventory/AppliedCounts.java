package io.relaybox.inventory;

/**
 * What a state transfer wrote: the answer of {@code PUT /migration/state}.
 *
 * @param stock the stock rows inserted or updated
 * @param reservations the reservations inserted or replaced
 */
public record AppliedCounts(int stock, int reservations) {
}
