package io.relaybox.order.migration;

import java.util.Map;

/**
 * What a service reported about an order, as a shadow run compares it.
 *
 * @param outcome RESERVED, REJECTED, CAPTURED or FAILED
 * @param detail {@code shortSkus} (sorted SKUs) for inventory; {@code amount}, {@code currency} and, when failed,
 *        {@code failureReason} for payment
 */
public record ServiceAnswer(String outcome, Map<String, Object> detail) {

    public ServiceAnswer {
        detail = Map.copyOf(detail);
    }
}
