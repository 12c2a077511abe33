package io.relaybox.order.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.Capability;
import io.relaybox.order.legacy.LegacyDecision;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parallel run's record ({@code migration_shadow_result}): the legacy decision, written with the order, and the
 * service's, written when its report arrives, compared then. Nothing here acts on the service's answer.
 */
@Repository
public class ShadowResults {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ShadowResults(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the legacy side of a shadowed order (pending until the service reports). */
    public void recordLegacy(UUID orderId, Instant placedAt, long shadowRun, LegacyDecision decision) {
        jdbc.sql("INSERT INTO migration_shadow_result (order_id, capability, shadow_run, legacy_outcome, legacy_detail, legacy_millis, placed_at)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (order_id, capability) DO NOTHING")
                .params(orderId, decision.capability().wireName(), shadowRun, decision.report().status(), json.writeValueAsString(decision.detail()),
                        decision.millis(), placedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Records the service's side and compares it with the legacy side; a repeated report changes nothing.
     *
     * @return the mismatch's category, or empty when both agree (or there is no legacy side to compare with)
     */
    public Optional<String> recordService(UUID orderId, Capability capability, ServiceAnswer answer, Instant now) {
        Optional<Legacy> legacy = jdbc.sql("SELECT legacy_outcome, legacy_detail::text AS detail, placed_at FROM migration_shadow_result"
                + " WHERE order_id = ? AND capability = ? AND service_outcome IS NULL FOR UPDATE")
                .params(orderId, capability.wireName())
                .query((row, n) -> new Legacy(row.getString("legacy_outcome"), json.readValue(row.getString("detail"), DETAIL),
                        MigrationModes.instant(row, "placed_at")))
                .optional();
        if (legacy.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> category = ShadowComparison.mismatch(capability, legacy.get().outcome(), legacy.get().detail(), answer.outcome(),
                answer.detail());
        double millis = Duration.between(legacy.get().placedAt(), now).toNanos() / 1e6;
        jdbc.sql("UPDATE migration_shadow_result SET service_outcome = ?, service_detail = ?::jsonb, service_millis = ?, matched = ?,"
                + " category = ?, recorded_at = ? WHERE order_id = ? AND capability = ?")
                .params(answer.outcome(), json.writeValueAsString(answer.detail()), millis, category.isEmpty(), category.orElse(null),
                        now.atOffset(ZoneOffset.UTC), orderId, capability.wireName())
                .update();
        return category;
    }

    private record Legacy(String outcome, Map<String, Object> detail, Instant placedAt) {
    }
}
