package io.relaybox.order.legacy;

import java.util.Map;

import io.relaybox.order.Capability;
import io.relaybox.order.SagaReport;

/**
 * What the legacy module decided for one capability of an order, as the service would report it.
 *
 * @param capability inventory or payment
 * @param report the step, as the saga takes it (RESERVED / REJECTED, CAPTURED / FAILED)
 * @param reason why the order fails, for a failing report; null otherwise
 * @param detail what a shadow run compares besides the outcome: {@code shortSkus} (sorted SKUs), {@code amount},
 *        {@code currency}, {@code failureReason}
 * @param millis how long the decision took, in milliseconds
 */
public record LegacyDecision(Capability capability, SagaReport report, String reason, Map<String, Object> detail, double millis) {

    public LegacyDecision {
        detail = Map.copyOf(detail);
    }
}
