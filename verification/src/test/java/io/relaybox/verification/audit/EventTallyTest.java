package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class EventTallyTest {

    private final EventTally tally = new EventTally("OrderPlaced", Set.of("o1", "o2", "o3"));

    @Test
    void countsOrdersWithoutAnEventAsMissing() {
        tally.add("o1", "OrderPlaced", "e1");

        assertThat(tally.events()).isEqualTo(1);
        assertThat(tally.missing()).isEqualTo(2);
        assertThat(tally.isComplete()).isFalse();
    }

    @Test
    void countsARedeliveredCopyAsDuplicate() {
        tally.add("o1", "OrderPlaced", "e1");
        tally.add("o1", "OrderPlaced", "e1");

        assertThat(tally.events()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(1);
    }

    @Test
    void countsASecondEventForTheSameOrderAsDuplicate() {
        tally.add("o1", "OrderPlaced", "e1");
        tally.add("o1", "OrderPlaced", "e2");

        assertThat(tally.events()).isEqualTo(2);
        assertThat(tally.duplicates()).isEqualTo(1);
    }

    @Test
    void ignoresOtherTypesAndUnknownOrders() {
        tally.add("o1", "OrderCancelled", "e1");
        tally.add("elsewhere", "OrderPlaced", "e2");

        assertThat(tally.events()).isZero();
        assertThat(tally.missing()).isEqualTo(3);
    }

    @Test
    void isCompleteWhenEveryOrderHasItsEvent() {
        tally.add("o1", "OrderPlaced", "e1");
        tally.add("o2", "OrderPlaced", "e2");
        tally.add("o3", "OrderPlaced", "e3");

        assertThat(tally.isComplete()).isTrue();
        assertThat(tally.duplicates()).isZero();
    }
}
