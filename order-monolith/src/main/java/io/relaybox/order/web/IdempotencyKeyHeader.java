package io.relaybox.order.web;

import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header of {@code POST /orders} (as in the IETF draft of that name): a client's
 * own key for one order, sent again unchanged on every retry.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    /** Response header: {@code true} when the order was placed by an earlier request with the same key. */
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {
    }

    /** Why the key cannot be used, or empty when it can: 1 to 255 printable ASCII characters, not only spaces. */
    static Optional<String> problem(String key) {
        if (key.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("size must be at most " + MAX_LENGTH);
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return Optional.of("must be printable ASCII characters");
        }
        return Optional.empty();
    }
}
