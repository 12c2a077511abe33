package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DemoSeedTest {

    @Test
    void givesAThousandOrdersWhatTheServicesSeedGivesThem() {
        assertThat(DemoSeed.forOrders(1_000)).isEqualTo(new DemoSeed(450, new BigDecimal("400.00")));
    }

    @Test
    void growsStockAndBalancesWithTheOrders() {
        assertThat(DemoSeed.forOrders(3_000)).isEqualTo(new DemoSeed(1_350, new BigDecimal("1200.00")));
        assertThat(DemoSeed.forOrders(2_500)).isEqualTo(new DemoSeed(1_125, new BigDecimal("1000.00")));
    }

    @Test
    void shrinksStockButKeepsBalancesThatPayForAnOrderBelowAThousandOrders() {
        assertThat(DemoSeed.forOrders(100)).isEqualTo(new DemoSeed(45, new BigDecimal("400.00")));
        assertThat(DemoSeed.forOrders(1)).isEqualTo(new DemoSeed(1, new BigDecimal("400.00")));
    }

    @Test
    void refusesNoOrders() {
        assertThatThrownBy(() -> DemoSeed.forOrders(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
