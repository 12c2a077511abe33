package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.time.Instant;

import io.relaybox.order.Capability;
import io.relaybox.order.MigrationMode;

/**
 * One switch of a capability's mode, as the audit trail keeps it.
 *
 * @param capability inventory or payment
 * @param fromMode the mode before
 * @param toMode the mode after
 * @param shadowShare the shadow share set with it
 * @param changedAt when
 * @param changedBy who
 * @param reason why
 */
public record ModeChange(Capability capability, MigrationMode fromMode, MigrationMode toMode, BigDecimal shadowShare, Instant changedAt,
        String changedBy, String reason) {
}
