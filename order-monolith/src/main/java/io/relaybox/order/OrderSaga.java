package io.relaybox.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves orders to their terminal state from what inventory and payment report: CONFIRMED when stock is reserved
 * and payment captured, CANCELLED as soon as either fails. A cancellation publishes {@code OrderCancelled}, so that
 * the side that succeeded (or will: both process an order's events in order) compensates: release or refund.
 * Reports that arrive after the order ended are recorded, nothing more.
 */
@Service
public class OrderSaga {

    private final OrderRepository repository;
    private final OrderEvents events;
    private final Clock clock;

    OrderSaga(OrderRepository repository, OrderEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the report and moves the order on; joins the caller's transaction (the inbox's), so the state change,
     * the events it publishes and the inbox's record of the report commit together.
     *
     * @param reason why the order failed, for failing reports
     * @return the order after the report
     * @throws OrderNotFoundException when there is no such order
     */
    @Transactional
    public Order apply(UUID orderId, SagaReport report, String reason) {
        Order order = report.applyTo(repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)));
        if (order.status() == OrderStatus.PENDING) {
            if (report.failsTheOrder()) {
                order = order.cancel(now(), reason);
                events.cancelled(order);
            } else if (isFulfilled(order)) {
                order = order.confirm(now());
                events.confirmed(order);
            }
        }
        repository.update(order);
        return order;
    }

    static boolean isFulfilled(Order order) {
        return "RESERVED".equals(order.inventoryStatus()) && "CAPTURED".equals(order.paymentStatus());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
