package io.relaybox.order.migration;

/** A mode switch that would lose or misjudge orders now (the shadow diff is not empty, orders are still in flight): 409. */
public class SwitchRefusedException extends RuntimeException {

    public SwitchRefusedException(String message) {
        super(message);
    }
}
