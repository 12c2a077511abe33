package io.relaybox.order.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ShadowSampleTest {

    @Test
    void aShareOfOneTakesEveryOrderAndZeroNone() {
        IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID()).forEach(id -> {
            assertThat(ShadowSample.includes(id, BigDecimal.ONE)).isTrue();
            assertThat(ShadowSample.includes(id, BigDecimal.ZERO)).isFalse();
        });
    }

    @Test
    void aQuarterShareTakesAboutAQuarterOfTheOrdersAndAlwaysTheSameOnes() {
        BigDecimal quarter = new BigDecimal("0.25");
        long taken = IntStream.range(0, 20_000).mapToObj(i -> UUID.randomUUID()).filter(id -> {
            boolean included = ShadowSample.includes(id, quarter);
            assertThat(ShadowSample.includes(id, quarter)).isEqualTo(included);
            return included;
        }).count();
        assertThat(taken).isBetween(4_500L, 5_500L);
    }
}
