package io.relaybox.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReservationPlanTest {

    @Test
    void sumsTheLinesOfOneSkuAndSortsBySku() {
        List<SkuQuantity> summed = ReservationPlan.sumBySku(List.of(new SkuQuantity("SKU-EGGS", 2),
                new SkuQuantity("SKU-APPLE", 1), new SkuQuantity("SKU-EGGS", 3)));

        assertThat(summed).containsExactly(new SkuQuantity("SKU-APPLE", 1), new SkuQuantity("SKU-EGGS", 5));
    }

    @Test
    void reservesWhenEverySkuHasEnough() {
        ReservationPlan plan = ReservationPlan.decide(List.of(new SkuQuantity("SKU-APPLE", 2),
                new SkuQuantity("SKU-BREAD", 5)), Map.of("SKU-APPLE", 2, "SKU-BREAD", 9));

        assertThat(plan.canReserve()).isTrue();
        assertThat(plan.lines()).containsExactly(new SkuQuantity("SKU-APPLE", 2), new SkuQuantity("SKU-BREAD", 5));
        assertThat(plan.shortages()).isEmpty();
    }

    @Test
    void rejectsTheWholeOrderWhenOneSkuIsShort() {
        ReservationPlan plan = ReservationPlan.decide(List.of(new SkuQuantity("SKU-APPLE", 2),
                new SkuQuantity("SKU-BREAD", 5)), Map.of("SKU-APPLE", 10, "SKU-BREAD", 4));

        assertThat(plan.canReserve()).isFalse();
        assertThat(plan.shortages()).containsExactly(new Shortage("SKU-BREAD", 5, 4));
        assertThat(plan.lines()).hasSize(2);
    }

    @Test
    void rejectsWhenTheSumOfLinesOfOneSkuExceedsWhatIsOnHand() {
        ReservationPlan plan = ReservationPlan.decide(List.of(new SkuQuantity("SKU-EGGS", 3),
                new SkuQuantity("SKU-EGGS", 3)), Map.of("SKU-EGGS", 5));

        assertThat(plan.shortages()).containsExactly(new Shortage("SKU-EGGS", 6, 5));
    }

    @Test
    void treatsAnUnknownSkuAsNoneAvailable() {
        ReservationPlan plan = ReservationPlan.decide(List.of(new SkuQuantity("SKU-APPLE", 1),
                new SkuQuantity("SKU-UNKNOWN", 1)), Map.of("SKU-APPLE", 1));

        assertThat(plan.shortages()).containsExactly(new Shortage("SKU-UNKNOWN", 1, 0));
    }

    @Test
    void listsEveryShortSku() {
        ReservationPlan plan = ReservationPlan.decide(List.of(new SkuQuantity("SKU-B", 2), new SkuQuantity("SKU-A", 2)),
                Map.of("SKU-A", 1, "SKU-B", 0));

        assertThat(plan.shortages()).containsExactly(new Shortage("SKU-A", 2, 1), new Shortage("SKU-B", 2, 0));
    }

    @Test
    void refusesASumThatOverflows() {
        assertThatThrownBy(() -> ReservationPlan.sumBySku(List.of(new SkuQuantity("SKU-A", Integer.MAX_VALUE),
                new SkuQuantity("SKU-A", 1)))).isInstanceOf(ArithmeticException.class);
    }
}
