package io.relaybox.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One e-mail of the {@code email} table.
 *
 * @param eventId the event it tells of: the key, and the source of its Message-ID
 * @param orderId the order
 * @param eventType {@code OrderConfirmed} or {@code OrderCancelled}
 * @param customerId the order's customer
 * @param recipient where it goes
 * @param fallback whether it goes to the fallback address
 * @param subject the subject
 * @param body the text
 * @param messageId its Message-ID header, the same on every attempt
 * @param status PENDING until the SMTP server accepted it, then SENT
 * @param attempts failed and successful delivery attempts so far
 * @param lastError why the last attempt failed; null if none did
 * @param sentAt when the server accepted it; null while pending
 */
public record OrderEmail(UUID eventId, UUID orderId, String eventType, String customerId, String recipient,
        boolean fallback, String subject, String body, String messageId, String status, int attempts,
        String lastError, Instant sentAt) {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
}
