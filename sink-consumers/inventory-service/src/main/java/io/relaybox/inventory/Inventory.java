package io.relaybox.inventory;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves and releases stock per order, idempotently by order id: the first call decides and publishes its outcome
 * event in the same transaction; every later call returns the recorded outcome and publishes nothing. Called by the
 * HTTP API and by the event handler (which joins the inbox's transaction).
 *
 * <p>Locks are taken in one order everywhere: the order's reservation row first, then the stock rows by SKU. So an
 * HTTP call and an event for the same order serialize on the reservation row, and two instances never oversell.
 */
@Service
public class Inventory {

    /** The status of a claimed row until the transaction that claimed it decides; never committed. */
    private static final String DECIDING = "DECIDING";

    private final ReservationRepository reservations;
    private final StockRepository stock;
    private final InventoryEvents events;

    Inventory(ReservationRepository reservations, StockRepository stock, InventoryEvents events) {
        this.reservations = reservations;
        this.stock = stock;
        this.events = events;
    }

    /**
     * Reserves every line or none and publishes {@code InventoryReserved} or {@code InventoryRejected}; for an order
     * seen before, returns what was recorded (a cancelled order reserves nothing).
     *
     * @param orderId the order
     * @param lines its lines, at least one, SKUs possibly repeated (they are summed)
     * @return the reservation
     */
    @Transactional
    public Reservation reserve(UUID orderId, List<SkuQuantity> lines) {
        if (!reservations.claim(orderId, DECIDING)) {
            return reservations.lock(orderId).orElseThrow();
        }
        List<SkuQuantity> summed = ReservationPlan.sumBySku(lines);
        Map<String, Integer> onHand = stock.lockOnHand(summed.stream().map(SkuQuantity::sku).toList());
        ReservationPlan plan = ReservationPlan.decide(summed, onHand);
        Reservation reservation;
        if (plan.canReserve()) {
            plan.lines().forEach(stock::hold);
            reservation = new Reservation(orderId, ReservationStatus.RESERVED, plan.lines(), List.of());
        } else {
            reservation = new Reservation(orderId, ReservationStatus.REJECTED, plan.lines(), plan.shortages());
        }
        reservations.record(reservation);
        events.decided(reservation);
        return reservation;
    }

    /**
     * Releases a reservation once and publishes {@code InventoryReleased}. A rejected, released or cancelled order is
     * left as it is; an order not seen yet is marked cancelled, so that its OrderPlaced, should it still come,
     * reserves nothing. Neither publishes anything.
     *
     * @param orderId the order
     * @return the reservation after the release
     */
    @Transactional
    public Reservation release(UUID orderId) {
        Optional<Reservation> current = reservations.lock(orderId);
        if (current.isEmpty()) {
            if (reservations.claim(orderId, ReservationStatus.CANCELLED.name())) {
                return Reservation.cancelled(orderId);
            }
            current = reservations.lock(orderId); // claimed concurrently: decide on what it recorded
        }
        Reservation reservation = current.orElseThrow();
        if (reservation.status() != ReservationStatus.RESERVED) {
            return reservation;
        }
        reservation.lines().forEach(stock::giveBack);
        reservations.setStatus(orderId, ReservationStatus.RELEASED);
        Reservation released = new Reservation(orderId, ReservationStatus.RELEASED, reservation.lines(), List.of());
        events.released(released);
        return released;
    }

    /**
     * Locks, in SKU order, the stock rows that reserving and releasing these orders will lock: the SKUs asked for, and
     * those the released orders' reservations hold. A batch of events calls it first (see the inbox's
     * {@code BatchLocks}), so that two instances' batches queue for shared SKUs instead of deadlocking on them.
     *
     * @param requestedSkus the SKUs of the orders to reserve
     * @param releasedOrders the orders to release
     */
    @Transactional
    public void lockStock(Collection<String> requestedSkus, Collection<UUID> releasedOrders) {
        Set<String> skus = new HashSet<>(requestedSkus);
        if (!releasedOrders.isEmpty()) {
            skus.addAll(reservations.skusOf(releasedOrders));
        }
        if (!skus.isEmpty()) {
            stock.lock(skus);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Reservation> find(UUID orderId) {
        return reservations.find(orderId);
    }

    @Transactional(readOnly = true)
    public List<StockLevel> stock() {
        return stock.all();
    }

    @Transactional(readOnly = true)
    public Optional<StockLevel> stock(String sku) {
        return stock.find(sku);
    }
}
