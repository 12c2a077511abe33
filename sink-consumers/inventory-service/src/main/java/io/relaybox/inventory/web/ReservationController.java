package io.relaybox.inventory.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.inventory.Inventory;
import io.relaybox.inventory.Reservation;
import io.relaybox.problem.NotFoundException;

/**
 * {@code /reservations}: the synchronous path of the monolith (before it moves to events). Idempotent by order id:
 * every call answers 200 with the recorded outcome, and publishes the same events as the event path, once.
 */
@RestController
@RequestMapping(path = "/reservations", produces = MediaType.APPLICATION_JSON_VALUE)
class ReservationController {

    private final Inventory inventory;
    private final ReserveRequestValidator validator = new ReserveRequestValidator();

    ReservationController(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Reserves all lines or none: status RESERVED, or REJECTED with the short SKUs. */
    @PostMapping(path = "/{orderId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Reservation reserve(@PathVariable UUID orderId, @RequestBody(required = false) ReserveRequest request) {
        return inventory.reserve(orderId, validator.lines(request));
    }

    /** Releases a reservation once; an unknown order is marked cancelled, so that it is never reserved later. */
    @PostMapping("/{orderId}/release")
    Reservation release(@PathVariable UUID orderId) {
        return inventory.release(orderId);
    }

    @GetMapping("/{orderId}")
    Reservation get(@PathVariable UUID orderId) {
        return inventory.find(orderId).orElseThrow(() -> new NotFoundException("Reservation not found",
                "order " + orderId + " has no reservation"));
    }
}
