package io.relaybox.outbox;

import java.util.Optional;

/**
 * SPI: the W3C trace context of the calling thread, written to the {@code traceparent} column so that traces continue
 * across services. A value that is not a valid {@code traceparent}
 * ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, ids not all zero) is ignored: a broken trace must
 * not break a business transaction.
 */
@FunctionalInterface
public interface TraceContext {

    /**
     * The {@code traceparent} of the span that is current on this thread.
     *
     * @return the traceparent, or empty when no trace is active
     */
    Optional<String> currentTraceparent();

    /**
     * No tracing: every event gets a {@code NULL} traceparent. The default.
     *
     * @return a trace context that is always empty
     */
    static TraceContext none() {
        return Optional::empty;
    }
}
