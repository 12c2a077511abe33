package io.relaybox.order;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.relaybox.order.migration.SwitchGate;
import io.relaybox.order.migration.SwitchInProgressException;

/**
 * {@code POST /orders} from end to end: the placing transaction (tried again, without holding a database connection,
 * while a migration mode switch holds placements back; the request waits, it does not fail), then the synchronous
 * decisions of the capabilities in sync mode.
 */
@Component
public class OrderPlacements {

    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration LONGEST_RETRY = Duration.ofMillis(400);

    private final Orders orders;
    private final SyncDecisions syncDecisions;
    private final SwitchGate gate;
    private final Duration maxWait;

    OrderPlacements(Orders orders, SyncDecisions syncDecisions, SwitchGate gate,
            @Value("${relaybox.migration.placement-wait:90s}") Duration maxWait) {
        this.orders = orders;
        this.syncDecisions = syncDecisions;
        this.gate = gate;
        this.maxWait = maxWait;
    }

    /** Places the order and decides what sync mode decides before the answer. */
    public Order place(PlaceOrder command) {
        return syncDecisions.decide(waitingForSwitches(() -> orders.place(command)));
    }

    /**
     * Places the order once per key ({@link Orders#place(PlaceOrder, String)}); a retry of an order a service was down
     * for calls it again (the calls are idempotent by order id).
     */
    public OrderPlacement place(PlaceOrder command, String idempotencyKey) {
        OrderPlacement placement = waitingForSwitches(() -> orders.place(command, idempotencyKey));
        return new OrderPlacement(syncDecisions.decide(placement.order()), placement.replayed());
    }

    private <T> T waitingForSwitches(Supplier<T> placement) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                return placement.get();
            } catch (SwitchInProgressException e) {
                if (System.nanoTime() > deadline) {
                    throw new SwitchTakesTooLongException(maxWait);
                }
                try {
                    // woken as soon as a switch of this instance ends; a switch of another instance is polled for, backing off
                    gate.awaitEnd(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** The placement waited longer than {@code relaybox.migration.placement-wait} for a mode switch (503). */
    public static final class SwitchTakesTooLongException extends RuntimeException {

        SwitchTakesTooLongException(Duration waited) {
            super("a migration mode switch held the order back for more than " + waited.toSeconds() + " s; nothing was placed, try again");
        }
    }
}
