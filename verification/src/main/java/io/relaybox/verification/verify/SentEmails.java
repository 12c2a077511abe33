package io.relaybox.verification.verify;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.relaybox.contracts.EventType;
import io.relaybox.verification.audit.SentMail;

/**
 * The SMTP server as one more sink of the audit: the notification service e-mails the customer once per
 * {@code OrderConfirmed} and {@code OrderCancelled} of {@code orders.events}, each e-mail naming its event in
 * {@code X-Relaybox-Event-Id} and its {@code Message-ID} derived from it. A second copy of one event's e-mail is a resend
 * after a crash between the server's acceptance and the service's record of it: the same {@code Message-ID}, which a
 * mail client recognises, so the audit counts it as a re-send (like an at-least-once Kafka copy), names it and does not
 * call it a duplicate delivered.
 */
final class SentEmails {

    static final String SINK = "smtp";
    static final String TOPIC = EventType.Aggregate.ORDERS.topic();
    static final Set<String> TYPES = Set.of(EventType.ORDER_CONFIRMED.typeName(), EventType.ORDER_CANCELLED.typeName());

    private SentEmails() {
    }

    /** The run's events that must each have become one e-mail. */
    static Set<String> expected(Collection<LedgerEvent> events) {
        return events.stream().filter(event -> TOPIC.equals(event.topic()) && TYPES.contains(event.type())).map(LedgerEvent::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The run's orders: every order an order event of the run was committed about, whether its 201 arrived or not. */
    static Set<String> orders(Collection<LedgerEvent> events) {
        return events.stream().filter(event -> TOPIC.equals(event.topic())).map(LedgerEvent::aggregateId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Copies per event id of the e-mails about these orders (the run's); e-mails about other orders, from earlier runs,
     * and messages without the relaybox headers are not the run's.
     */
    static Map<String, Long> copies(Collection<SentMail> mails, Set<String> orders) {
        return mails.stream().filter(mail -> mail.orderId().filter(orders::contains).isPresent() && mail.eventId().isPresent())
                .collect(Collectors.groupingBy(mail -> mail.eventId().orElseThrow(), TreeMap::new, Collectors.counting()));
    }

    /** The event ids whose e-mail arrived more than once, with how many times. */
    static Map<String, Long> resent(Map<String, Long> copies) {
        return copies.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
