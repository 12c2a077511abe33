package io.relaybox.order.web;

import java.math.BigDecimal;

/**
 * The body of {@code PUT /migration/modes/{capability}} as sent; checked by {@link ModeSwitchRequestValidator}.
 *
 * @param mode monolith, sync, shadow or events
 * @param changedBy who switches (recorded)
 * @param reason why (recorded)
 * @param shadowShare in shadow mode, the share of orders compared, 0 to 1; default 1
 * @param force leave shadow although the run found mismatches or is still comparing; default false
 */
record ModeSwitchRequest(String mode, String changedBy, String reason, BigDecimal shadowShare, Boolean force) {
}
