package io.relaybox.order.migration;

import java.util.Map;

import io.relaybox.order.Capability;
import io.relaybox.order.OrderModes;

/**
 * The modes an order is placed under, with the shadow run each shadowed capability belongs to.
 *
 * @param modes who decides each capability of the order
 * @param shadowRuns per capability in shadow mode, the id of the switch that started its run
 */
public record PlacementModes(OrderModes modes, Map<Capability, Long> shadowRuns) {

    public PlacementModes {
        shadowRuns = Map.copyOf(shadowRuns);
    }
}
