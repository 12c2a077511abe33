package io.relaybox.order.migration;

import java.math.BigDecimal;
import java.util.UUID;

/** Which orders a shadow run compares: a share of them, chosen by order id, so an order always falls the same way. */
final class ShadowSample {

    private ShadowSample() {
    }

    /** True when the order is in the share (0 to 1) of orders compared. */
    static boolean includes(UUID orderId, BigDecimal share) {
        // the id's random low bits, not hashCode(): a UUIDv7's high bits are its time
        long bucket = Math.floorMod(orderId.getLeastSignificantBits(), 10_000L);
        return BigDecimal.valueOf(bucket).compareTo(share.multiply(BigDecimal.valueOf(10_000))) < 0;
    }
}
