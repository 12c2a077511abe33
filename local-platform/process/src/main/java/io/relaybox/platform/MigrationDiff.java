package io.relaybox.platform;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The order monolith's shadow diff ({@code GET /migration/diff}): per capability, how often the legacy code and the
 * service agreed on an order, and the latest orders they did not.
 *
 * @param capabilities one entry per capability, in the monolith's order
 */
public record MigrationDiff(List<CapabilityDiff> capabilities) {

    public MigrationDiff {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /**
     * One capability's comparison.
     *
     * @param capability e.g. {@code inventory}
     * @param mode its mode now, e.g. {@code shadow}
     * @param matched orders both sides answered alike
     * @param mismatched orders they answered differently
     * @param pending orders whose service answer has not come yet
     * @param byCategory the mismatches per category, e.g. {@code outcome}
     * @param latestMismatches the latest mismatches, newest first
     */
    public record CapabilityDiff(String capability, String mode, long matched, long mismatched, long pending, Map<String, Long> byCategory,
            List<Mismatch> latestMismatches) {

        public CapabilityDiff {
            // a capability never compared has no categories: the monolith may send null or leave them out; the order
            // it sends them in is kept for the report
            byCategory = byCategory == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
            latestMismatches = latestMismatches == null ? List.of() : List.copyOf(latestMismatches);
        }
    }

    /**
     * One order the two sides answered differently.
     *
     * @param orderId the order
     * @param category what differed, e.g. {@code outcome}
     * @param recordedAt when the difference was recorded
     * @param legacy the monolith's own code's answer (null when it gave none)
     * @param service the service's answer (null when it gave none)
     */
    public record Mismatch(String orderId, String category, Instant recordedAt, Side legacy, Side service) {
    }

    /**
     * One side's answer to an order.
     *
     * @param outcome e.g. {@code RESERVED} or {@code REJECTED}
     * @param detail what it decided in detail, any JSON (null when none)
     * @param millis how long it took, or null
     * @param error why it failed, or null
     */
    public record Side(String outcome, JsonNode detail, Double millis, String error) {
    }
}
