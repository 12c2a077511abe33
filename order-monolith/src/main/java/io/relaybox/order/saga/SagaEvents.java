package io.relaybox.order.saga;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The payloads of the inventory and payment events the saga reads (only the fields it needs). */
final class SagaEvents {

    private SagaEvents() {
    }

    /** {@code InventoryReserved}, {@code InventoryReleased}. */
    record InventoryChanged(UUID orderId) {
    }

    /** {@code InventoryRejected}: the SKUs that were short. */
    record InventoryRejected(UUID orderId, List<ShortSku> shortSkus) {

        String reason() {
            if (shortSkus == null || shortSkus.isEmpty()) {
                return "inventory rejected the order";
            }
            return "inventory rejected the order: short of " + shortSkus.stream()
                    .map(s -> s.sku() + " (requested " + s.requested() + ", available " + s.available() + ")")
                    .collect(Collectors.joining(", "));
        }
    }

    /** One short SKU. */
    record ShortSku(String sku, int requested, int available) {
    }

    /** {@code PaymentCaptured}, {@code PaymentFailed}, {@code PaymentRefunded}. */
    record PaymentChanged(UUID orderId, String customerId, String currency, BigDecimal amount, String reason) {

        String failure() {
            return "payment failed: " + (reason == null ? "no reason given" : reason) + " (" + amount + " " + currency + ")";
        }
    }
}
