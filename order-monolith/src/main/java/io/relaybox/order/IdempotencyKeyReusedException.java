package io.relaybox.order;

/** An {@code Idempotency-Key} came again with a different request: the order it placed is not the one asked for now. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("this key was used for a different order request; send a new key for a new order");
    }
}
