package io.relaybox.notification;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.relaybox.contracts.EventType;

/**
 * One plain-text template per event type: {@code OrderConfirmed} (the order's lines and total) and
 * {@code OrderCancelled} (the same, and the reason). Pure: the same order and recipient give the same e-mail.
 */
final class EmailTemplates {

    static final String ORDER_CONFIRMED = EventType.ORDER_CONFIRMED.typeName();
    static final String ORDER_CANCELLED = EventType.ORDER_CANCELLED.typeName();

    private static final String CONFIRMED = """
            Hello %s,

            your order %s is confirmed: the goods are reserved and the payment is captured.

            %s
            Thank you for your order.
            """;

    private static final String CANCELLED = """
            Hello %s,

            your order %s has been cancelled: %s.
            Anything that was charged for it is refunded.

            %s
            We are sorry.
            """;

    private static final Map<String, BiFunction<OrderSummary, Recipient, ComposedEmail>> TEMPLATES = Map.of(
            ORDER_CONFIRMED, (order, to) -> new ComposedEmail("Your order " + order.orderId() + " is confirmed",
                    CONFIRMED.formatted(to.name(), order.orderId(), lines(order))),
            ORDER_CANCELLED, (order, to) -> new ComposedEmail("Your order " + order.orderId() + " was cancelled",
                    CANCELLED.formatted(to.name(), order.orderId(), reason(order), lines(order))));

    private EmailTemplates() {
    }


    /**
     * The e-mail for the event.
     *
     * @param eventType {@code OrderConfirmed} or {@code OrderCancelled}
     * @param order the order the event carries
     * @param to who it goes to
     * @throws IllegalArgumentException for any other event type
     */
    static ComposedEmail compose(String eventType, OrderSummary order, Recipient to) {
        BiFunction<OrderSummary, Recipient, ComposedEmail> template = TEMPLATES.get(eventType);
        if (template == null) {
            throw new IllegalArgumentException("no e-mail template for " + eventType);
        }
        return template.apply(order, to);
    }

    private static String lines(OrderSummary order) {
        String lines = order.lines().stream()
                .map(line -> "  %4d x %-20s %10s %s".formatted(line.quantity(), line.sku(),
                        amount(line.lineTotal()), order.currency()))
                .collect(Collectors.joining("\n"));
        return lines + "\n  %-27s %10s %s\n".formatted("Total", amount(order.total()), order.currency());
    }

    private static String amount(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    private static String reason(OrderSummary order) {
        String reason = order.cancellationReason();
        return reason == null || reason.isBlank() ? "no reason was given" : reason;
    }
}
