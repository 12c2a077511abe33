package io.relaybox.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.relaybox.order.legacy.LegacyDecision;
import io.relaybox.order.legacy.LegacyInventory;
import io.relaybox.order.legacy.LegacyPayments;
import io.relaybox.order.migration.PlacementModes;
import io.relaybox.order.migration.ShadowResults;

/**
 * Inside {@code POST /orders}, in the placing transaction: the legacy module decides each capability whose mode is
 * {@code monolith} or {@code shadow}, and the saga takes its decision as it would the service's report. One capability
 * after the other, both before the saga moves the order on: payment is decided even for an order inventory rejected (as
 * payment-service captures an order before it reads its cancellation), and the cancellation gives it back. In shadow
 * mode the decision is also recorded for the comparison with the service's.
 */
@Component
class LegacyDecisions {

    private final LegacyInventory inventory;
    private final LegacyPayments payments;
    private final ShadowResults shadowResults;
    private final OrderSaga saga;

    LegacyDecisions(LegacyInventory inventory, LegacyPayments payments, ShadowResults shadowResults, OrderSaga saga) {
        this.inventory = inventory;
        this.payments = payments;
        this.shadowResults = shadowResults;
        this.saga = saga;
    }

    /** The order after the legacy module's decisions; unchanged when the services decide both capabilities. */
    Order decide(Order placed, PlacementModes modes) {
        List<OrderSaga.Reported> reports = new ArrayList<>();
        decide(placed, Capability.INVENTORY, modes, inventory::reserve).ifPresent(reports::add);
        decide(placed, Capability.PAYMENT, modes, payments::capture).ifPresent(reports::add);
        return reports.isEmpty() ? placed : saga.advance(placed, reports);
    }

    private Optional<OrderSaga.Reported> decide(Order order, Capability capability, PlacementModes modes,
            Function<Order, LegacyDecision> legacy) {
        if (!order.modes().of(capability).legacyAuthoritative()) {
            return Optional.empty();
        }
        LegacyDecision decision = legacy.apply(order);
        Long shadowRun = modes.shadowRuns().get(capability);
        if (shadowRun != null) {
            shadowResults.recordLegacy(order.orderId(), order.placedAt(), shadowRun, decision);
        }
        return Optional.of(new OrderSaga.Reported(decision.report(), decision.reason()));
    }
}
