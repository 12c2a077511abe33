package io.relaybox.platform;

import java.util.Locale;

/** What carries the outbox tables into Kafka: the Connect worker's source connectors, or the embedded relay. */
public enum RelayRuntime {

    /** Debezium's source connectors in the Kafka Connect worker (the default; exactly-once source when it is on). */
    CONNECT,

    /**
     * The embedded relay ({@link EmbeddedRelay}): the same connector files in Debezium's embedded engine, in a JVM of its
     * own, at least once; the sinks still run in Connect.
     */
    EMBEDDED;

    /** {@code connect} or {@code embedded}, as the command line spells it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The runtime the command line names ({@code connect}, {@code embedded}). */
    public static RelayRuntime named(String word) {
        for (RelayRuntime runtime : values()) {
            if (runtime.word().equals(word)) {
                return runtime;
            }
        }
        throw new IllegalArgumentException("no relay runtime " + word + ": connect or embedded");
    }
}
