package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OrderMixTest {

    @Test
    void namesTheKindOfEachCancellationTheSagaWrites() {
        assertThat(OrderMix.kind("inventory rejected the order: short of SKU-APPLE (requested 3, available 1)")).isEqualTo("out of stock");
        assertThat(OrderMix.kind("payment failed: INSUFFICIENT_FUNDS (12.50 EUR)")).isEqualTo("insufficient funds");
        assertThat(OrderMix.kind("payment failed: UNKNOWN_CUSTOMER (3.00 CHF)")).isEqualTo("unknown customer");
        assertThat(OrderMix.kind(null)).isEqualTo("no reason given");
        assertThat(OrderMix.kind("customer changed their mind")).isEqualTo("customer changed their mind");
    }

    @Test
    void printsShareOfEachOutcomeAndTheReasons() {
        OrderMix mix = new OrderMix(812, Map.of("out of stock", 120L, "insufficient funds", 60L, "unknown customer", 8L));

        assertThat(mix.line()).isEqualTo("MIX confirmed 812 (81%), cancelled 188 (19%): insufficient funds 60, out of stock 120, "
                + "unknown customer 8");
    }
}
