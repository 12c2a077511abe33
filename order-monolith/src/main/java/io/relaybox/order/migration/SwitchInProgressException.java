package io.relaybox.order.migration;

/** A mode switch holds the placements back: the placing transaction rolls back and the placement tries again. */
public class SwitchInProgressException extends RuntimeException {

    public SwitchInProgressException() {
        super("a migration mode switch is in progress", null, false, false);
    }
}
