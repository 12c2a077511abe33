package io.relaybox.order.saga;

import java.util.List;
import java.util.Map;

import io.relaybox.contracts.payload.InventoryRejectedPayload;
import io.relaybox.contracts.payload.PaymentFailedPayload;
import io.relaybox.contracts.payload.PaymentPayload;
import io.relaybox.order.migration.ServiceAnswer;

/** The services' reports as a shadow run compares them with the legacy module's decisions. */
final class ServiceAnswers {

    private ServiceAnswers() {
    }

    static ServiceAnswer reserved() {
        return new ServiceAnswer("RESERVED", Map.of("shortSkus", List.of()));
    }

    static ServiceAnswer rejected(InventoryRejectedPayload report) {
        List<String> skus = report.shortSkus() == null ? List.of()
                : report.shortSkus().stream().map(InventoryRejectedPayload.ShortSku::sku).sorted().toList();
        return new ServiceAnswer("REJECTED", Map.of("shortSkus", skus));
    }

    static ServiceAnswer captured(PaymentPayload report) {
        return new ServiceAnswer("CAPTURED", Map.of("amount", report.amount().toPlainString(), "currency", report.currency()));
    }

    static ServiceAnswer failed(PaymentFailedPayload report) {
        return new ServiceAnswer("FAILED", Map.of("amount", report.amount().toPlainString(), "currency", report.currency(),
                "failureReason", report.reason() == null ? "" : report.reason()));
    }

    /** A release or a refund: not compared (only decisions are). */
    static ServiceAnswer compensation() {
        return new ServiceAnswer("COMPENSATED", Map.of());
    }
}
