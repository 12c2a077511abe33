package io.relaybox.verification.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EmailCountsTest {

    private static SentMail mail(String orderId, String eventId) {
        return new SentMail("anna@customers.example", "<" + eventId + "@notification.example>", Optional.of(eventId), Optional.of(orderId));
    }

    @Test
    void oneEmailPerOrderThatEndedIsComplete() {
        EmailCounts counts = EmailCounts.of(Set.of("o1", "o2"), List.of(mail("o1", "e1"), mail("o2", "e2")));

        assertThat(counts.complete()).isTrue();
        assertThat(counts.emailed()).isEqualTo(2);
        assertThat(counts.duplicates()).isZero();
    }

    @Test
    void anOrderWithoutEmailIsMissingAndNamed() {
        EmailCounts counts = EmailCounts.of(Set.of("o1", "o2"), List.of(mail("o1", "e1")));

        assertThat(counts.complete()).isFalse();
        assertThat(counts.missing()).containsExactly("o2");
        assertThat(counts.emailed()).isEqualTo(1);
    }

    @Test
    void aResendWithTheSameMessageIdIsADetectableDuplicateNotAFailure() {
        EmailCounts counts = EmailCounts.of(Set.of("o1"), List.of(mail("o1", "e1"), mail("o1", "e1")));

        assertThat(counts.complete()).isTrue();
        assertThat(counts.emailed()).isEqualTo(1);
        assertThat(counts.duplicates()).isEqualTo(1);
        assertThat(counts.duplicateMessageIds()).isEqualTo(Map.of("<e1@notification.example>", 2L));
    }

    @Test
    void twoDifferentEmailsAboutOneOrderBreakTheRule() {
        EmailCounts counts = EmailCounts.of(Set.of("o1"), List.of(mail("o1", "e1"), mail("o1", "e2")));

        assertThat(counts.complete()).isFalse();
        assertThat(counts.doubleSentOrders()).containsExactly("o1");
        assertThat(counts.duplicates()).isZero();
    }

    @Test
    void messagesAboutOtherOrdersOrWithoutTheOrderHeaderAreIgnored() {
        SentMail foreign = new SentMail("bob@customers.example", "<x@elsewhere.example>", Optional.empty(), Optional.empty());
        EmailCounts counts = EmailCounts.of(Set.of("o1"), List.of(mail("o1", "e1"), mail("earlier-run", "e9"), foreign));

        assertThat(counts.complete()).isTrue();
        assertThat(counts.emailed()).isEqualTo(1);
        assertThat(counts.duplicates()).isZero();
    }

    @Test
    void readsMessageIdAndTheRelayboxHeadersFromARawMessageIgnoringTheBody() {
        String raw = "Return-Path: <orders@shop.example>\r\nReceived: from 127.0.0.1 (HELO [127.0.0.1]);\r\n Sat Dec 05 12:18:16 UTC 2026\r\n"
                + "Message-ID: <e1@notification.example>\r\nx-relaybox-event-id: e1\r\nX-Relaybox-Order-Id: o1\r\n\r\n"
                + "X-Relaybox-Order-Id: not-a-header\r\n";

        SentMail mail = SentMail.parse("anna@customers.example", raw);

        assertThat(mail.messageId()).isEqualTo("<e1@notification.example>");
        assertThat(mail.eventId()).contains("e1");
        assertThat(mail.orderId()).contains("o1");
    }
}
