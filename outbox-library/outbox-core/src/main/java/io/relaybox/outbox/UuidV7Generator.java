package io.relaybox.outbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUIDv7 (RFC 9562, section 5.7) with a 42-bit counter (RFC 9562 section 6.2, method 1): {@code rand_a} and the top
 * 30 bits of {@code rand_b} hold a counter that is seeded randomly each new millisecond and incremented within it;
 * the remaining 32 bits are random. When the clock steps back or the counter overflows, the last timestamp is kept
 * (or advanced by one millisecond), so ids from one generator always increase.
 */
final class UuidV7Generator implements EventIdGenerator {

    private static final long COUNTER_BITS = 42;
    private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;
    // seeds leave the top counter bit clear, so at least 2^41 ids fit in one millisecond before it overflows
    private static final long SEED_MASK = (1L << (COUNTER_BITS - 1)) - 1;
    private static final long RAND_B_COUNTER_MASK = (1L << 30) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = Long.MIN_VALUE;
    private long counter;

    UuidV7Generator(Clock clock) {
        this(clock, new SecureRandom());
    }

    // visible for testing
    UuidV7Generator(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public UUID nextId() {
        long millis;
        long count;
        long randomBits;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = random.nextLong() & SEED_MASK;
            } else if (counter < COUNTER_MAX) {
                counter++;
            } else {
                lastMillis++;
                counter = random.nextLong() & SEED_MASK;
            }
            millis = lastMillis;
            count = counter;
            randomBits = random.nextInt() & 0xFFFF_FFFFL;
        }
        long mostSignificant = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | count >>> 30;
        long leastSignificant = 0x8000_0000_0000_0000L | (count & RAND_B_COUNTER_MASK) << 32
                | randomBits;
        return new UUID(mostSignificant, leastSignificant);
    }
}
