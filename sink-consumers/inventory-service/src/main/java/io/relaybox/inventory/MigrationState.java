package io.relaybox.inventory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back-fill of issue #12: when authority over stock moves between the monolith's legacy module and this service,
 * the side that held it hands its whole state to the other. {@link #snapshot} reads the service's state,
 * {@link #replace} writes the monolith's into it. Neither publishes an event: a transfer moves decisions already made
 * (and published by whoever made them), it decides nothing.
 */
@Service
public class MigrationState {

    private final StockRepository stock;
    private final MigrationStateRepository state;

    MigrationState(StockRepository stock, MigrationStateRepository state) {
        this.stock = stock;
        this.state = state;
    }

    /**
     * Every stock row and every decided reservation, read in one repeatable-read transaction: one snapshot, so the
     * units held by the reservations are those the stock counts as reserved, even while orders are being decided.
     *
     * @return the state
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public InventoryState snapshot() {
        return new InventoryState(stock.all(), state.reservations());
    }

    /**
     * Writes the state into the service's in one transaction: the stock rows given are inserted or overwritten, each
     * reservation given replaces the order's (lines replaced, shortages gone); stock and reservations not given stay.
     * Every stock row is locked first, in SKU order, the order an event batch locks its rows in: a batch and a
     * transfer queue for the stock instead of deadlocking on it, and none decides on half-written stock.
     *
     * @param replacement the state, valid
     * @return how many stock rows and reservations were written
     */
    @Transactional
    public AppliedCounts replace(InventoryState replacement) {
        stock.lockAll();
        state.upsertStock(replacement.stock());
        state.upsertReservations(replacement.reservations());
        return new AppliedCounts(replacement.stock().size(), replacement.reservations().size());
    }
}
