package io.relaybox.order.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relaybox.order.Capability;

class ShadowComparisonTest {

    @Test
    void sameOutcomeAndSameShortSkusMatch() {
        assertThat(ShadowComparison.mismatch(Capability.INVENTORY, "REJECTED", Map.of("shortSkus", List.of("B", "A")), "REJECTED",
                Map.of("shortSkus", List.of("A", "B")))).isEmpty();
    }

    @Test
    void aReservationAgainstARejectionIsAnOutcomeMismatch() {
        assertThat(ShadowComparison.mismatch(Capability.INVENTORY, "RESERVED", Map.of("shortSkus", List.of()), "REJECTED",
                Map.of("shortSkus", List.of("A")))).contains("outcome");
    }

    @Test
    void rejectionsForDifferentSkusAreAShortSkusMismatch() {
        assertThat(ShadowComparison.mismatch(Capability.INVENTORY, "REJECTED", Map.of("shortSkus", List.of("A")), "REJECTED",
                Map.of("shortSkus", List.of("B")))).contains("short-skus");
    }

    @Test
    void capturesOfTheSameAmountWrittenAtOtherScalesMatch() {
        assertThat(ShadowComparison.mismatch(Capability.PAYMENT, "CAPTURED", Map.of("amount", "12.50", "currency", "EUR"), "CAPTURED",
                Map.of("amount", "12.5", "currency", "EUR"))).isEmpty();
    }

    @Test
    void capturesOfDifferentAmountsAreAnAmountMismatch() {
        assertThat(ShadowComparison.mismatch(Capability.PAYMENT, "CAPTURED", Map.of("amount", "12.50", "currency", "EUR"), "CAPTURED",
                Map.of("amount", "12.49", "currency", "EUR"))).contains("amount");
    }

    @Test
    void failuresForDifferentReasonsAreAFailureReasonMismatch() {
        assertThat(ShadowComparison.mismatch(Capability.PAYMENT, "FAILED",
                Map.of("amount", "1", "currency", "EUR", "failureReason", "INSUFFICIENT_FUNDS"), "FAILED",
                Map.of("amount", "1", "currency", "EUR", "failureReason", "UNKNOWN_CUSTOMER"))).contains("failure-reason");
    }
}
