package io.relaybox.analytics.topology;

import java.math.BigDecimal;

/**
 * Money taken in one currency in one window.
 *
 * @param captured the sum of the captured payments
 * @param refunded the sum of the refunds
 * @param payments how many captures and refunds
 */
public record Revenue(BigDecimal captured, BigDecimal refunded, long payments) {

    public static Revenue zero() {
        return new Revenue(BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    /** With one more payment: a positive amount captured, a negative one refunded. */
    public Revenue add(BigDecimal signedAmount) {
        return signedAmount.signum() < 0 ? new Revenue(captured, refunded.add(signedAmount.negate()), payments + 1)
                : new Revenue(captured.add(signedAmount), refunded, payments + 1);
    }

    /** Captured minus refunded. */
    public BigDecimal net() {
        return captured.subtract(refunded);
    }
}
