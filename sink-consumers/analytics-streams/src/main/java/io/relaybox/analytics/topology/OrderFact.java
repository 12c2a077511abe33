package io.relaybox.analytics.topology;

import java.math.BigDecimal;
import java.util.List;

/**
 * What analytics reads of an {@code orders.events} record.
 *
 * @param eventId the event's id
 * @param type {@code OrderPlaced}, {@code OrderConfirmed} or {@code OrderCancelled}
 * @param orderId the order
 * @param currency the currency of its total
 * @param total the order's total
 * @param lines what was ordered
 * @param cancellationReason why it was cancelled, or null
 */
public record OrderFact(String eventId, String type, String orderId, String currency, BigDecimal total, List<Line> lines,
        String cancellationReason) implements CountedEvent {

    public OrderFact {
        lines = List.copyOf(lines);
    }

    /** One line of the order. */
    public record Line(String sku, int quantity) {
    }

    /** The order's status after this event: PLACED, CONFIRMED or CANCELLED. */
    public String status() {
        if (EventReader.ORDER_PLACED.equals(type)) {
            return "PLACED";
        }
        if (EventReader.ORDER_CONFIRMED.equals(type)) {
            return "CONFIRMED";
        }
        if (EventReader.ORDER_CANCELLED.equals(type)) {
            return "CANCELLED";
        }
        throw new IllegalStateException("not an order event analytics counts: " + type);
    }

    /** Whether the order ended with this event. */
    public boolean isOutcome() {
        return EventReader.ORDER_CONFIRMED.equals(type) || EventReader.ORDER_CANCELLED.equals(type);
    }

    /**
     * The outcome and, for a cancellation, the kind of its reason: {@code CONFIRMED}, {@code CANCELLED: inventory
     * rejected}, {@code CANCELLED: payment failed: INSUFFICIENT_FUNDS}. A reason's details (which SKU, how short) are
     * left out so that the kinds stay few.
     */
    public String outcome() {
        return EventReader.ORDER_CONFIRMED.equals(type) ? "CONFIRMED" : "CANCELLED: " + reasonKind(cancellationReason);
    }

    static String reasonKind(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String text = reason.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return shortened(text);
        }
        String head = text.substring(0, colon).strip();
        if (head.equals("payment failed")) {
            // the failure code is the kind: INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER, ...
            String rest = text.substring(colon + 1).strip();
            String code = rest.split("[^A-Za-z0-9_]", 2)[0];
            return code.isEmpty() ? head : head + ": " + code;
        }
        return shortened(head);
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) : text;
    }
}
