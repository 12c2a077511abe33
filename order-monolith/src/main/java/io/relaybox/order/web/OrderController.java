package io.relaybox.order.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.order.Order;
import io.relaybox.order.OrderPlacement;
import io.relaybox.order.OrderNotFoundException;
import io.relaybox.order.Orders;
import io.relaybox.order.PlaceOrder;
import io.relaybox.order.OrderPlacements;

/** {@code /orders}: place, read and cancel orders. */
@RestController
@RequestMapping(path = "/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final Orders orders;
    private final OrderPlacements placements;
    private final OrderRequestValidator validator = new OrderRequestValidator();

    OrderController(Orders orders, OrderPlacements placements) {
        this.orders = orders;
        this.placements = placements;
    }

    /**
     * 201 with the order, which equals the payload of its {@code OrderPlaced} event. With an {@code Idempotency-Key}
     * header, a retry with the same key and body places nothing: 201 with that order as it is now and
     * {@code Idempotent-Replayed: true}; the same key with another body is a 422. A capability in sync mode is decided
     * before the answer, by calling its service; when that fails, the order is cancelled and the answer is a 503.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Order> place(@RequestBody PlaceOrderRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        PlaceOrder command = validator.placeOrder(request, idempotencyKey);
        if (idempotencyKey == null) {
            Order order = placements.place(command);
            return created(order).body(order);
        }
        OrderPlacement placement = placements.place(command, idempotencyKey);
        return created(placement.order()).header(IdempotencyKeyHeader.REPLAYED, Boolean.toString(placement.replayed()))
                .body(placement.order());
    }

    private static ResponseEntity.BodyBuilder created(Order order) {
        return ResponseEntity.created(URI.create("/orders/" + order.orderId()));
    }

    @GetMapping("/{id}")
    Order get(@PathVariable UUID id) {
        return orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
    }

    /** 200 with the cancelled order, which equals the payload of its {@code OrderCancelled} event. */
    @PostMapping("/{id}/cancel")
    Order cancel(@PathVariable UUID id, @RequestBody(required = false) CancelOrderRequest request) {
        return orders.cancel(id, validator.cancellationReason(request));
    }
}
