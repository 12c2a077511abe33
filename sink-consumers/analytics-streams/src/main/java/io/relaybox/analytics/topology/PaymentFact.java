package io.relaybox.analytics.topology;

import java.math.BigDecimal;

/**
 * What analytics reads of a {@code payments.events} record.
 *
 * @param eventId the event's id
 * @param type {@code PaymentCaptured} or {@code PaymentRefunded}
 * @param orderId the order paid for
 * @param currency the amount's currency
 * @param amount the amount, positive
 */
public record PaymentFact(String eventId, String type, String orderId, String currency, BigDecimal amount) implements CountedEvent {

    public boolean isRefund() {
        return EventReader.PAYMENT_REFUNDED.equals(type);
    }
}
