package io.relaybox.order.saga;

import java.util.stream.Collectors;

import io.relaybox.contracts.payload.InventoryRejectedPayload;
import io.relaybox.contracts.payload.PaymentFailedPayload;

/** The cancellation reasons the saga writes on an order, from what inventory or payment reported. */
final class SagaReasons {

    private SagaReasons() {
    }

    /** {@code InventoryRejected}: the SKUs that were short. */
    static String rejected(InventoryRejectedPayload report) {
        if (report.shortSkus() == null || report.shortSkus().isEmpty()) {
            return "inventory rejected the order";
        }
        return "inventory rejected the order: short of " + report.shortSkus().stream()
                .map(s -> s.sku() + " (requested " + s.requested() + ", available " + s.available() + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code PaymentFailed}: why, and how much. */
    static String failed(PaymentFailedPayload report) {
        return "payment failed: " + (report.reason() == null ? "no reason given" : report.reason()) + " (" + report.amount() + " "
                + report.currency() + ")";
    }
}
