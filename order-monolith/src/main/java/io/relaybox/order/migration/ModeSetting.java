package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.time.Instant;

import io.relaybox.order.Capability;
import io.relaybox.order.MigrationMode;

/**
 * A capability's mode as set now: what {@code GET /migration/modes} answers.
 *
 * @param capability inventory or payment
 * @param mode who decides orders placed from now on
 * @param shadowShare in shadow mode, the share of orders compared (sticky by order id); the others are decided as in
 *        monolith mode
 * @param changedAt when it was set
 * @param changedBy who set it
 * @param reason why
 */
public record ModeSetting(Capability capability, MigrationMode mode, BigDecimal shadowShare, Instant changedAt, String changedBy,
        String reason) {
}
