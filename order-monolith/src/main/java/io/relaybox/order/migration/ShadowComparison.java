package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.relaybox.order.Capability;

/**
 * Compares the legacy module's decision with the service's for one order: the first difference found names the
 * mismatch's category. {@code outcome}: one reserved (captured) and the other rejected (failed); {@code short-skus}:
 * both rejected, for different SKUs; {@code amount} and {@code currency}: both charged, differently;
 * {@code failure-reason}: both failed, for different reasons.
 */
final class ShadowComparison {

    static final String OUTCOME = "outcome";
    static final String SHORT_SKUS = "short-skus";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String FAILURE_REASON = "failure-reason";

    private ShadowComparison() {
    }

    /** The category of the mismatch, or empty when both sides decided alike. */
    static Optional<String> mismatch(Capability capability, String legacyOutcome, Map<String, Object> legacy, String serviceOutcome,
            Map<String, Object> service) {
        if (!legacyOutcome.equals(serviceOutcome)) {
            return Optional.of(OUTCOME);
        }
        if (capability == Capability.INVENTORY) {
            return skus(legacy).equals(skus(service)) ? Optional.empty() : Optional.of(SHORT_SKUS);
        }
        if (amount(legacy).compareTo(amount(service)) != 0) {
            return Optional.of(AMOUNT);
        }
        if (!Objects.equals(legacy.get("currency"), service.get("currency"))) {
            return Optional.of(CURRENCY);
        }
        return Objects.equals(legacy.get("failureReason"), service.get("failureReason")) ? Optional.empty() : Optional.of(FAILURE_REASON);
    }

    private static List<?> skus(Map<String, Object> detail) {
        Object skus = detail.get("shortSkus");
        return skus instanceof List<?> list ? list.stream().map(String::valueOf).sorted().toList() : List.of();
    }

    private static BigDecimal amount(Map<String, Object> detail) {
        Object amount = detail.get("amount");
        return amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString());
    }
}
