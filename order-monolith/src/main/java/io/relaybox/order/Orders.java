package io.relaybox.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relaybox.order.migration.MigrationModes;
import io.relaybox.order.migration.PlacementModes;
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
    private final IdempotencyKeys idempotencyKeys;
    private final MigrationModes modes;
    private final LegacyDecisions legacyDecisions;
    private final LegacyCompensation legacyCompensation;

    Orders(OrderRepository repository, OrderEvents events, IdempotencyKeys idempotencyKeys, MigrationModes modes,
            LegacyDecisions legacyDecisions, LegacyCompensation legacyCompensation, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.modes = modes;
        this.legacyDecisions = legacyDecisions;
        this.legacyCompensation = legacyCompensation;
        this.clock = clock;
        this.orderIds = EventIdGenerator.timeOrdered(clock);
    }

    /** Stores a new pending order and publishes {@code OrderPlaced}. */
    @Transactional
    public Order place(PlaceOrder command) {
        return placeNew(orderIds.nextId(), command);
    }

    /**
     * Places the order once per key: the first request with a key stores the order and publishes {@code OrderPlaced};
     * a retry with the same key and the same command places nothing and gets that order back as it is now.
     *
     * @param idempotencyKey the client's key for this order
     * @throws IdempotencyKeyReusedException when the key placed an order for a different command
     */
    @Transactional
    public OrderPlacement place(PlaceOrder command, String idempotencyKey) {
        String fingerprint = OrderRequestFingerprint.of(command);
        UUID orderId = orderIds.nextId();
        Optional<IdempotencyKeys.Claim> earlier = idempotencyKeys.claim(idempotencyKey, fingerprint, orderId);
        if (earlier.isEmpty()) {
            return new OrderPlacement(placeNew(orderId, command), false);
        }
        if (!earlier.get().fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        UUID placed = earlier.get().orderId();
        return new OrderPlacement(repository.find(placed).orElseThrow(() -> new OrderNotFoundException(placed)), true);
    }

    /**
     * Stores the order under the capabilities' current modes and publishes {@code OrderPlaced}; where the legacy module
     * decides (modes monolith and shadow), it decides now, in this transaction.
     */
    private Order placeNew(UUID orderId, PlaceOrder command) {
        PlacementModes placement = modes.forPlacement(orderId);
        Order order = Order.place(orderId, command, now(), placement.modes());
        repository.insert(order);
        events.placed(order);
        return legacyDecisions.decide(order, placement);
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
        Order cancelled = legacyCompensation.compensate(order.cancel(now(), reason == null ? DEFAULT_CANCELLATION_REASON : reason));
        repository.markCancelled(cancelled);
        events.cancelled(cancelled);
        return cancelled;
    }

    /**
     * Cancels a pending order that could not be decided (a service it calls synchronously is unavailable) and
     * publishes {@code OrderCancelled}, so that what a service did decide is given back; an order decided meanwhile
     * (through the services' events) is returned as it is.
     */
    @Transactional
    public Order fail(UUID orderId, String reason) {
        Order order = repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (order.status() != OrderStatus.PENDING) {
            return order;
        }
        Order cancelled = legacyCompensation.compensate(order.cancel(now(), reason));
        repository.markCancelled(cancelled);
        events.cancelled(cancelled);
        return cancelled;
    }

    // the database keeps microseconds: what the API returns now must equal what it reads back later
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
