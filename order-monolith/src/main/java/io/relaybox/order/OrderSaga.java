package io.relaybox.order;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relaybox.order.migration.ServiceAnswer;
import io.relaybox.order.migration.ShadowResults;

/**
 * Moves orders to their terminal state from what inventory and payment report: CONFIRMED when stock is reserved
 * and payment captured, CANCELLED as soon as either fails. A cancellation publishes {@code OrderCancelled}, so that
 * the side that succeeded (or will: both process an order's events in order) compensates: release or refund; what the
 * legacy module holds for the order is given back in the same transaction. Reports that arrive after the order ended
 * are recorded, nothing more.
 *
 * <p>Who reports depends on the mode the order's capability was placed under: the service's events in modes
 * {@code events} and {@code sync}, the legacy module inside {@code POST /orders} in modes {@code monolith} and
 * {@code shadow}. In shadow mode the service's report is compared with the legacy decision and never acted on.
 */
@Service
public class OrderSaga {

    private final OrderRepository repository;
    private final OrderEvents events;
    private final LegacyCompensation compensation;
    private final ShadowResults shadowResults;
    private final Clock clock;

    OrderSaga(OrderRepository repository, OrderEvents events, LegacyCompensation compensation, ShadowResults shadowResults, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.compensation = compensation;
        this.shadowResults = shadowResults;
        this.clock = clock;
    }

    /**
     * Takes a service's report from its events; joins the caller's transaction (the inbox's), so the state change, the
     * events it publishes and the inbox's record of the report commit together.
     *
     * @param reason why the order failed, for failing reports
     * @param answer the report as a shadow run compares it
     * @return the order after the report
     * @throws OrderNotFoundException when there is no such order
     */
    @Transactional
    public Order receive(UUID orderId, SagaReport report, String reason, ServiceAnswer answer) {
        Order order = repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        switch (order.modes().of(report.capability())) {
            case SHADOW -> {
                if (report.isDecision()) {
                    shadowResults.recordService(orderId, report.capability(), answer, clock.instant());
                }
                return order;
            }
            // the service decided nothing for it: a release of a reservation a back-fill gave it, say
            case MONOLITH -> {
                return order;
            }
            default -> {
                return advance(order, report, reason);
            }
        }
    }

    /**
     * Records the report and moves the order on, in the caller's transaction.
     *
     * @param reason why the order failed, for failing reports
     * @return the order after the report
     * @throws OrderNotFoundException when there is no such order
     */
    @Transactional
    public Order apply(UUID orderId, SagaReport report, String reason) {
        return advance(repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)), report, reason);
    }

    /** {@link #advance(Order, List)} on the order, locked until the transaction ends. */
    @Transactional
    public Order applyAll(UUID orderId, List<Reported> reports) {
        return advance(repository.findForUpdate(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)), reports);
    }

    /** Records the report on the order (locked by the caller, or just inserted), moves it on and writes it. */
    Order advance(Order current, SagaReport report, String reason) {
        return advance(current, List.of(new Reported(report, reason)));
    }

    /**
     * Records the reports on the order, in their order, then moves it on once: cancelled by the first failing one, or
     * confirmed; an order cancelled here gets its legacy holdings back after every report was recorded (so that a
     * capture recorded after a rejection is refunded, not recorded over the refund). A late report on an order that
     * ended changes nothing else: the cancellation gave back what the legacy module held then.
     */
    Order advance(Order current, List<Reported> reports) {
        Order order = current;
        for (Reported reported : reports) {
            order = reported.report().applyTo(order);
        }
        if (order.status() == OrderStatus.PENDING) {
            Optional<Reported> failing = reports.stream().filter(r -> r.report().failsTheOrder()).findFirst();
            if (failing.isPresent()) {
                // once, when the order is cancelled (not for every late report after): what the legacy module holds
                // for it goes back after every report was recorded
                order = compensation.compensate(order.cancel(now(), failing.get().reason()));
                events.cancelled(order);
            } else if (isFulfilled(order)) {
                order = order.confirm(now());
                events.confirmed(order);
            }
        }
        repository.update(order);
        return order;
    }

    /**
     * A report and, for a failing one, why the order fails.
     *
     * @param report the step taken
     * @param reason why the order failed; null unless the report fails it
     */
    public record Reported(SagaReport report, String reason) {
    }

    static boolean isFulfilled(Order order) {
        return "RESERVED".equals(order.inventoryStatus()) && "CAPTURED".equals(order.paymentStatus());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
