package io.relaybox.notification.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.notification.Notifications;
import io.relaybox.notification.OrderEmail;

/** {@code GET /orders/{orderId}/emails}: the order's e-mails, pending or sent, with their Message-IDs and attempts. */
@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class EmailController {

    private final Notifications notifications;

    EmailController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The order's e-mails, oldest first; an empty list for an order with none (yet). */
    @GetMapping("/{orderId}/emails")
    List<OrderEmail> emails(@PathVariable UUID orderId) {
        return notifications.ofOrder(orderId);
    }
}
