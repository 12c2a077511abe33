package io.relaybox.order.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.relaybox.order.Capability;
import io.relaybox.order.MigrationMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parallel run's diff per capability ({@code GET /migration/diff}): of the capability's latest shadow run, the orders
 * whose decisions matched, mismatched (by category) and are still pending, with both sides of the latest mismatches.
 */
@Repository
public class MigrationDiff {

    /** How many of the latest mismatches the diff shows with both sides. */
    static final int LATEST_MISMATCHES = 20;

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MigrationModes modes;

    MigrationDiff(JdbcClient jdbc, JsonMapper json, MigrationModes modes) {
        this.jdbc = jdbc;
        this.json = json;
        this.modes = modes;
    }

    /**
     * One capability's diff.
     *
     * @param capability inventory or payment
     * @param mode its mode now
     * @param shadowRun the id of the switch that started the run reported (null when it never ran in shadow)
     * @param matched orders both sides decided alike
     * @param mismatched orders they decided differently
     * @param pending orders the service has not reported yet
     * @param byCategory mismatches per category
     * @param latestMismatches the latest mismatches, newest first
     */
    public record CapabilityDiff(Capability capability, MigrationMode mode, Long shadowRun, long matched, long mismatched, long pending,
            Map<String, Long> byCategory, List<Mismatch> latestMismatches) {
    }

    /**
     * One order both sides decided differently.
     *
     * @param orderId the order
     * @param category what differed first
     * @param recordedAt when the service's report arrived
     * @param legacy the authoritative side
     * @param service the shadowed side
     */
    public record Mismatch(UUID orderId, String category, java.time.Instant recordedAt, Side legacy, Side service) {
    }

    /**
     * One side of a comparison, as Scientist records it.
     *
     * @param outcome what it decided
     * @param detail what else it said (short SKUs; amount, currency, failure reason)
     * @param millis how long it took: the legacy decision inside the request; for the service, from the order's
     *        placement to its report reaching the monolith
     * @param error what went wrong on that side, if anything
     */
    public record Side(String outcome, Map<String, Object> detail, Double millis, String error) {
    }

    public record Report(List<CapabilityDiff> capabilities) {
    }

    public Report report() {
        List<CapabilityDiff> diffs = new ArrayList<>();
        for (ModeSetting setting : modes.all()) {
            diffs.add(of(setting.capability(), setting.mode()));
        }
        return new Report(diffs);
    }

    /** Matched, mismatched and pending counts of a run. */
    record Counts(long matched, long mismatched, long pending) {
    }

    Counts counts(long shadowRun) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE matched) AS matched, count(*) FILTER (WHERE NOT matched) AS mismatched,"
                + " count(*) FILTER (WHERE service_outcome IS NULL) AS pending FROM migration_shadow_result WHERE shadow_run = ?")
                .param(shadowRun)
                .query((row, n) -> new Counts(row.getLong("matched"), row.getLong("mismatched"), row.getLong("pending"))).single();
    }

    private CapabilityDiff of(Capability capability, MigrationMode mode) {
        Long run = modes.latestShadowRun(capability).orElse(null);
        if (run == null) {
            return new CapabilityDiff(capability, mode, null, 0, 0, 0, Map.of(), List.of());
        }
        Counts counts = counts(run);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        jdbc.sql("SELECT category, count(*) AS n FROM migration_shadow_result WHERE shadow_run = ? AND NOT matched GROUP BY category ORDER BY category")
                .param(run).query(row -> {
                    byCategory.put(row.getString("category"), row.getLong("n"));
                });
        List<Mismatch> latest = jdbc.sql("SELECT order_id, category, recorded_at, legacy_outcome, legacy_detail::text AS legacy_detail, legacy_millis,"
                + " service_outcome, service_detail::text AS service_detail, service_millis, service_error FROM migration_shadow_result"
                + " WHERE shadow_run = ? AND NOT matched ORDER BY recorded_at DESC LIMIT ?")
                .params(run, LATEST_MISMATCHES)
                .query((row, n) -> new Mismatch(row.getObject("order_id", UUID.class), row.getString("category"),
                        MigrationModes.instant(row, "recorded_at"),
                        new Side(row.getString("legacy_outcome"), json.readValue(row.getString("legacy_detail"), DETAIL), row.getDouble("legacy_millis"),
                                null),
                        new Side(row.getString("service_outcome"), json.readValue(row.getString("service_detail"), DETAIL),
                                row.getDouble("service_millis"), row.getString("service_error"))))
                .list();
        return new CapabilityDiff(capability, mode, run, counts.matched(), counts.mismatched(), counts.pending(), byCategory, latest);
    }
}
