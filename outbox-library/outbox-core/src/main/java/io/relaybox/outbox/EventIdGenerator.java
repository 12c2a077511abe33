package io.relaybox.outbox;

import java.time.Clock;
import java.util.UUID;

/** SPI: generates event ids; they must be unique, and should be time-ordered so that the primary key stays compact. */
@FunctionalInterface
public interface EventIdGenerator {

    /**
     * A new id; called once per event, possibly from many threads at once.
     *
     * @return a unique id, not null
     */
    UUID nextId();

    /**
     * Time-ordered UUIDv7 ids (RFC 9562) from the system clock: 48 bits of Unix milliseconds, then a counter that
     * keeps ids strictly increasing within a millisecond and across clock steps backwards, then random bits.
     *
     * @return a thread-safe generator
     */
    static EventIdGenerator timeOrdered() {
        return timeOrdered(Clock.systemUTC());
    }

    /**
     * Time-ordered UUIDv7 ids whose timestamp comes from the given clock.
     *
     * @param clock the source of milliseconds; not null
     * @return a thread-safe generator
     * @see #timeOrdered()
     */
    static EventIdGenerator timeOrdered(Clock clock) {
        return new UuidV7Generator(clock);
    }
}
