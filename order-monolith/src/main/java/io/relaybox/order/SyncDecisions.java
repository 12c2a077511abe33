package io.relaybox.order;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.relaybox.order.sync.SyncAnswer;
import io.relaybox.order.sync.SyncCallFailedException;
import io.relaybox.order.sync.SyncCalls;

/**
 * Sync mode, after the order was placed (committed, {@code OrderPlaced} published) and before {@code POST /orders}
 * answers: the monolith calls each capability's service in sync mode, inventory first, and the saga takes their answers
 * as it would their events; payment is not called for an order inventory rejected. When a call fails (after its retries, or at once while the circuit breaker is open), the
 * order fails: it is cancelled ({@code OrderCancelled} lets a service that did decide give it back) and the request
 * answers 503, as a REST-coupled system does.
 */
@Component
public class SyncDecisions {

    private final SyncCalls calls;
    private final OrderSaga saga;
    private final Orders orders;

    SyncDecisions(SyncCalls calls, OrderSaga saga, Orders orders) {
        this.calls = calls;
        this.saga = saga;
        this.orders = orders;
    }

    /**
     * The order after the synchronous decisions; unchanged when no capability of it is in sync mode or it is decided.
     *
     * @throws OrderNotDecidedException when a service could not be called; the order is cancelled
     */
    public Order decide(Order placed) {
        if (placed.status() != OrderStatus.PENDING
                || placed.modes().inventory() != MigrationMode.SYNC && placed.modes().payment() != MigrationMode.SYNC) {
            return placed;
        }
        List<OrderSaga.Reported> reports = new ArrayList<>();
        try {
            if (placed.modes().inventory() == MigrationMode.SYNC && placed.inventoryStatus() == null) {
                reports.add(reported(calls.reserve(placed)));
            }
            // as a REST-coupled monolith does: no charge for an order whose stock could not be reserved
            boolean rejected = reports.stream().anyMatch(r -> r.report().failsTheOrder());
            if (placed.modes().payment() == MigrationMode.SYNC && placed.paymentStatus() == null && !rejected) {
                reports.add(reported(calls.capture(placed)));
            }
        } catch (SyncCallFailedException e) {
            Order failed = orders.fail(placed.orderId(), e.getMessage());
            throw new OrderNotDecidedException(failed, e);
        }
        return reports.isEmpty() ? placed : saga.applyAll(placed.orderId(), reports);
    }

    private static OrderSaga.Reported reported(SyncAnswer answer) {
        return new OrderSaga.Reported(answer.report(), answer.reason());
    }
}
