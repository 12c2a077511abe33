package io.relaybox.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relaybox.outbox.EventIdGenerator;

/** Places, finds and cancels orders; every change and its event commit in one transaction. */
@Service
public class Orders {

    /** Why an order was cancelled when the caller gave no reason. */
    public static final String DEFAULT_CANCELLATION_REASON = "cancelled on request";

    private final OrderRepository repository;
    private final OrderEvents events;
    private final Clock clock;
    private final EventIdGenerator orderIds;

    Orders(OrderRepository repository, OrderEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.orderIds = EventIdGenerator.timeOrdered(clock);
    }

    /** Stores a new pending order and publishes {@code OrderPlaced}. */
    @Transactional
    public Order place(PlaceOrder command) {
        Order order = Order.place(orderIds.nextId(), command, now());
        repository.insert(order);
        events.placed(order);
        return order;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(UUID orderId) {
        return repository.find(orderId);
    }

    /**
     * Cancels the order and publishes {@code OrderCancelled}.
     *
     * @throws OrderNotFoundException when there is no such order
     * @throws OrderAlreadyCancelledException when it was cancelled before
     */
    @Transactional
    public Order cancel(UUID orderId, String reason) {
        Order order = repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() == OrderStatus.CANCELLED) {
            throw new OrderAlreadyCancelledException(orderId);
        }
        Order cancelled = order.cancel(now(), reason == null ? DEFAULT_CANCELLATION_REASON : reason);
        repository.markCancelled(cancelled);
        events.cancelled(cancelled);
        return cancelled;
    }

    // the database keeps microseconds: what the API returns now must equal what it reads back later
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
