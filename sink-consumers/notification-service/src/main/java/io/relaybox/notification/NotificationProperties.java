package io.relaybox.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notification.*}: who the e-mails come from, where they go when a customer has no address, and how delivery
 * retries.
 *
 * @param from the sender of every e-mail
 * @param fallbackAddress where a customer's e-mail goes when the customer has no address on file
 * @param messageIdDomain the right-hand side of every Message-ID ({@code <event id@domain>})
 * @param delivery how the delivery loop runs and retries
 */
@ConfigurationProperties("notification")
public record NotificationProperties(
        @DefaultValue("orders@shop.relaybox.example") String from,
        @DefaultValue("customer-care@shop.relaybox.example") String fallbackAddress,
        @DefaultValue("notification.relaybox.example") String messageIdDomain,
        @DefaultValue Delivery delivery) {

    /**
     * The delivery loop.
     *
     * @param interval how long it waits for a commit's nudge before it looks for due e-mails anyway
     * @param batchSize how many e-mails one round delivers at most (each in a transaction of its own)
     * @param backoffInitial the wait after the first failed attempt; it doubles with each failure
     * @param backoffMax the longest wait between two attempts
     */
    public record Delivery(
            @DefaultValue("1s") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("1s") Duration backoffInitial,
            @DefaultValue("5m") Duration backoffMax) {
    }
}
