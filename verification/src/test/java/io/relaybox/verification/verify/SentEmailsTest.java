package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.relaybox.verification.audit.SentMail;

class SentEmailsTest {

    private static SentMail mail(String orderId, String eventId) {
        return new SentMail("anna@customers.example", "<" + eventId + "@notification.example>", Optional.of(eventId), Optional.of(orderId));
    }

    @Test
    void expectsAnEmailForEachConfirmationAndCancellationOfAnOrderOnly() {
        List<LedgerEvent> events = List.of(new LedgerEvent("e1", "orders.events", "o1", "OrderPlaced"),
                new LedgerEvent("e2", "orders.events", "o1", "OrderConfirmed"), new LedgerEvent("e3", "orders.events", "o2", "OrderCancelled"),
                new LedgerEvent("e4", "payments.events", "o1", "PaymentCaptured"));

        assertThat(SentEmails.expected(events)).containsExactlyInAnyOrder("e2", "e3");
    }

    @Test
    void takesEveryOrderTheRunCommittedAsTheRunsAcknowledgedOrNot() {
        // o3's 201 was lost (the monolith was killed after the commit): it was confirmed and mailed all the same
        List<LedgerEvent> events = List.of(new LedgerEvent("e1", "orders.events", "o1", "OrderPlaced"),
                new LedgerEvent("e5", "orders.events", "o3", "OrderPlaced"), new LedgerEvent("e6", "orders.events", "o3", "OrderConfirmed"),
                new LedgerEvent("e4", "payments.events", "o1", "PaymentCaptured"));

        assertThat(SentEmails.orders(events)).containsExactlyInAnyOrder("o1", "o3");
        assertThat(SentEmails.copies(List.of(mail("o3", "e6")), SentEmails.orders(events))).isEqualTo(Map.of("e6", 1L));
    }

    @Test
    void countsCopiesPerEventOfTheRunsOrdersOnly() {
        SentMail foreign = new SentMail("bob@customers.example", "<x@elsewhere.example>", Optional.empty(), Optional.of("o1"));
        Map<String, Long> copies = SentEmails.copies(List.of(mail("o1", "e2"), mail("o1", "e2"), mail("o2", "e3"), mail("earlier", "e9"), foreign),
                Set.of("o1", "o2"));

        assertThat(copies).isEqualTo(Map.of("e2", 2L, "e3", 1L));
        assertThat(SentEmails.resent(copies)).isEqualTo(Map.of("e2", 2L));
    }

    @Test
    void aResentEmailIsASuppressedResendAndAMissingOneIsLost() {
        SinkFinding finding = SinkFinding.of(Set.of("e2", "e3"), id -> true,
                new Deliveries(SentEmails.SINK, SentEmails.copies(List.of(mail("o1", "e2"), mail("o1", "e2")), Set.of("o1", "o2")), 0, false));

        assertThat(finding.tally().lost()).isEqualTo(1);
        assertThat(finding.tally().duplicatesDelivered()).isZero();
        assertThat(finding.tally().duplicatesSuppressed()).isEqualTo(1);
        assertThat(finding.violations()).containsExactly("smtp lacks 1 of 2 committed events: e3");
    }
}
