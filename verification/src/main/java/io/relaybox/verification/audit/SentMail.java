package io.relaybox.verification.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One message the SMTP server accepted, as far as the audit needs it: the {@code Message-ID} the notification service
 * derives from the event id, and the event and order it names in its own headers.
 *
 * @param recipient the mailbox it was delivered to
 * @param messageId its {@code Message-ID}, with the angle brackets
 * @param eventId {@code X-Relaybox-Event-Id}, or empty when the message lacks it (not sent by the notification service)
 * @param orderId {@code X-Relaybox-Order-Id}, or empty
 */
public record SentMail(String recipient, String messageId, Optional<String> eventId, Optional<String> orderId) {

    static final String EVENT_ID_HEADER = "X-Relaybox-Event-Id";
    static final String ORDER_ID_HEADER = "X-Relaybox-Order-Id";

    /** Reads the headers of a raw RFC 5322 message (up to the first empty line; folded lines joined). */
    static SentMail parse(String recipient, String rawMessage) {
        Map<String, String> headers = headers(rawMessage);
        return new SentMail(recipient, headers.getOrDefault("message-id", ""),
                Optional.ofNullable(headers.get(EVENT_ID_HEADER.toLowerCase(Locale.ROOT))),
                Optional.ofNullable(headers.get(ORDER_ID_HEADER.toLowerCase(Locale.ROOT))));
    }

    private static Map<String, String> headers(String rawMessage) {
        Map<String, String> headers = new LinkedHashMap<>();
        String current = null;
        for (String line : rawMessage.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                headers.merge(current, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                // the first occurrence counts (a relay may add a second Received, never a second Message-ID)
                headers.putIfAbsent(current, line.substring(colon + 1).strip());
            }
        }
        return headers;
    }
}
