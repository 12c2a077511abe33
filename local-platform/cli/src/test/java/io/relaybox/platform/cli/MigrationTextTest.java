package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.relaybox.platform.MigrationApi.CapabilityMode;
import io.relaybox.platform.MigrationApi.ModeChange;
import io.relaybox.platform.MigrationDiff;
import tools.jackson.databind.json.JsonMapper;

/** How {@code ./platform migrate} prints the migration API's answers. */
class MigrationTextTest {

    private static final Instant AT = Instant.parse("2026-12-06T14:00:00.123456Z");

    @Test
    void listsEachCapabilitysModeWithTheShareOnlyWhereItMeansSomething() {
        List<String> lines = MigrationText.modes(List.of(new CapabilityMode("inventory", "shadow", 0.25, AT, "alice", "start the parallel run"),
                new CapabilityMode("payment", "events", 1.0, AT, "bob", null)));

        assertThat(lines).containsExactly(
                "CAPABILITY   MODE      SHARE  CHANGED AT                   BY           REASON",
                "inventory    shadow    0.25   2026-12-06T14:00:00.123456Z  alice        start the parallel run",
                "payment      events    -      2026-12-06T14:00:00.123456Z  bob          -");
    }

    @Test
    void saysWhatASwitchDid() {
        assertThat(MigrationText.switched(new CapabilityMode("inventory", "shadow", 1.0, AT, "alice", "parallel run")))
                .isEqualTo("inventory is now shadow (share 1) since 2026-12-06T14:00:00.123456Z, by alice: parallel run");
        assertThat(MigrationText.switched(new CapabilityMode("payment", "events", 1.0, AT, "bob", " ")))
                .isEqualTo("payment is now events since 2026-12-06T14:00:00.123456Z, by bob");
    }

    @Test
    void listsTheHistoryAsTheMonolithOrdersIt() {
        List<String> lines = MigrationText.history("payment", List.of(
                new ModeChange("payment", "shadow", "events", 1.0, Instant.parse("2026-12-06T16:00:00Z"), "bob", "diff empty"),
                new ModeChange("payment", null, "shadow", 0.5, Instant.parse("2026-12-06T15:00:00Z"), "alice", null)));

        assertThat(lines).containsExactly(
                "CHANGED AT                   FROM      TO        SHARE  BY           REASON",
                "2026-12-06T16:00:00Z         shadow    events    -      bob          diff empty",
                "2026-12-06T15:00:00Z         -         shadow    0.5    alice        -");
        assertThat(MigrationText.history("inventory", List.of())).containsExactly("inventory was never switched");
    }

    @Test
    void reportsEachCapabilitysDiffWithBothSidesOfTheLatestMismatchesOnALineEach() {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        byCategory.put("outcome", 1L);
        byCategory.put("short-skus", 1L);
        MigrationDiff diff = new MigrationDiff(List.of(
                new MigrationDiff.CapabilityDiff("inventory", "shadow", 120, 2, 3, byCategory, List.of(
                        new MigrationDiff.Mismatch("7c1d6f62-4f0e-4d6a-9a43-0d1c2b3a4f5e", "outcome", Instant.parse("2026-12-06T14:00:01.25Z"),
                                new MigrationDiff.Side("RESERVED", json("{\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]}"), 3.2, null),
                                new MigrationDiff.Side("REJECTED", json("{\"shortSkus\":[\"A-1\"]}"), 812.0, null)),
                        new MigrationDiff.Mismatch("0b9e2c55-1d7a-4a4f-8f3e-5a6b7c8d9e0f", "short-skus", Instant.parse("2026-12-06T14:00:00Z"),
                                new MigrationDiff.Side("RESERVED", null, null, null),
                                new MigrationDiff.Side("FAILED", null, 30000.0, "timed out after 30 s")))),
                new MigrationDiff.CapabilityDiff("payment", "monolith", 0, 0, 0, null, null)));

        assertThat(MigrationText.report(diff)).containsExactly(
                "inventory: shadow",
                "  matched 120   mismatched 2   pending 3",
                "  by category: outcome 1, short-skus 1",
                "  latest mismatches:",
                "    order 7c1d6f62-4f0e-4d6a-9a43-0d1c2b3a4f5e  outcome  recorded 2026-12-06T14:00:01.250Z",
                "      legacy   RESERVED  3.2 ms  {\"lines\":[{\"sku\":\"A-1\",\"quantity\":2}]}",
                "      service  REJECTED  812.0 ms  {\"shortSkus\":[\"A-1\"]}",
                "    order 0b9e2c55-1d7a-4a4f-8f3e-5a6b7c8d9e0f  short-skus  recorded 2026-12-06T14:00:00Z",
                "      legacy   RESERVED",
                "      service  FAILED  30000.0 ms  error: timed out after 30 s",
                "payment: monolith",
                "  matched 0   mismatched 0   pending 0",
                "  no mismatches recorded");
    }

    @Test
    void saysWhenASideGaveNoAnswerAndShortensALongDetail() {
        assertThat(MigrationText.side(null)).isEqualTo("(no answer)");

        String side = MigrationText.side(new MigrationDiff.Side("RESERVED", json("{\"note\":\"" + "x".repeat(500) + "\"}"), null, null));

        assertThat(side).startsWith("RESERVED  {\"note\":\"xxx").endsWith("... (--json shows all)")
                .hasSize("RESERVED  ".length() + MigrationText.DETAIL_LIMIT + "... (--json shows all)".length());
    }

    @Test
    void saysWhenNothingIsCompared() {
        assertThat(MigrationText.report(new MigrationDiff(List.of()))).containsExactly("the monolith compares no capability");
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
