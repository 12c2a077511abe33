package io.relaybox.notification;

import java.util.UUID;

/** The Message-ID of an event's e-mail: a pure function of the event id, so a resend is recognisably the same mail. */
final class MessageIds {

    private MessageIds() {
    }

    /**
     * {@code <event id@domain>}, as RFC 5322 writes a msg-id.
     *
     * @param eventId the event the e-mail tells of
     * @param domain the right-hand side
     */
    static String of(UUID eventId, String domain) {
        if (domain == null || domain.isBlank() || domain.contains("@") || domain.contains(">")
                || domain.contains("<") || domain.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("notification.message-id-domain must be a domain, was '" + domain + "'");
        }
        return "<" + eventId + "@" + domain + ">";
    }
}
