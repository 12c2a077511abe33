package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AnalyticsTotalsTest {

    private static AnalyticsTotals totals(long placed, long confirmed, String eur, long apples) {
        return new AnalyticsTotals(Map.of("PLACED", placed, "CONFIRMED", confirmed), Map.of("EUR", new BigDecimal(eur)), Map.of(),
                Map.of("SKU-APPLE", apples));
    }

    @Test
    void whatWasAddedSinceEarlierTotalsEqualsTheDatabasesFiguresOfTheRun() {
        AnalyticsTotals before = totals(10, 6, "20.00", 12);
        AnalyticsTotals after = totals(15, 9, "27.50", 18);

        AnalyticsTotals added = after.minus(before);

        assertThat(added.placed()).isEqualTo(5);
        assertThat(added.differencesFrom(totals(5, 3, "7.5", 6))).isEmpty();
    }

    @Test
    void namesEachFigureThatDiffersAndAFigureOnlyOneSideHas() {
        AnalyticsTotals counted = new AnalyticsTotals(Map.of("PLACED", 5L, "CONFIRMED", 4L), Map.of("EUR", new BigDecimal("7.50")), Map.of(),
                Map.of("SKU-APPLE", 6L));
        AnalyticsTotals expected = new AnalyticsTotals(Map.of("PLACED", 5L, "CONFIRMED", 3L), Map.of("EUR", new BigDecimal("7.5")),
                Map.of("EUR", new BigDecimal("1.00")), Map.of("SKU-APPLE", 6L));

        assertThat(counted.differencesFrom(expected)).containsExactly("orders CONFIRMED: analytics counted 4, the databases hold 3",
                "refunded EUR: analytics counted 0, the databases hold 1");
    }
}
