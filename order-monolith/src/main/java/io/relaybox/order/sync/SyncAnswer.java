package io.relaybox.order.sync;

import io.relaybox.order.SagaReport;

/**
 * What a service answered a synchronous call with, as the saga takes it.
 *
 * @param report the decision (RESERVED / REJECTED, CAPTURED / FAILED)
 * @param reason why the order fails, for a failing decision; null otherwise
 */
public record SyncAnswer(SagaReport report, String reason) {
}
