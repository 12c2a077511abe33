package io.relaybox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CaptureDecisionTest {

    @Test
    void capturesWhenTheBalanceCoversTheAmount() {
        assertThat(CaptureDecision.decide(Optional.of(new BigDecimal("10.00")), true, new BigDecimal("9.99")))
                .isEmpty();
    }

    @Test
    void capturesTheWholeBalance() {
        assertThat(CaptureDecision.decide(Optional.of(new BigDecimal("10.00")), true, new BigDecimal("10.00")))
                .isEmpty();
    }

    @Test
    void failsWithInsufficientFundsWhenTheBalanceIsShortByACent() {
        assertThat(CaptureDecision.decide(Optional.of(new BigDecimal("10.00")), true, new BigDecimal("10.01")))
                .contains(FailureReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void failsWithInsufficientFundsWhenTheCustomerHasNoAccountInTheCurrency() {
        assertThat(CaptureDecision.decide(Optional.empty(), true, new BigDecimal("1.00")))
                .contains(FailureReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void failsWithUnknownCustomerWhenTheCustomerHasNoAccountAtAll() {
        assertThat(CaptureDecision.decide(Optional.empty(), false, BigDecimal.ZERO))
                .contains(FailureReason.UNKNOWN_CUSTOMER);
    }

    @Test
    void capturesNothingFromAnEmptyAccount() {
        assertThat(CaptureDecision.decide(Optional.of(BigDecimal.ZERO.setScale(2)), true, BigDecimal.ZERO)).isEmpty();
    }
}
