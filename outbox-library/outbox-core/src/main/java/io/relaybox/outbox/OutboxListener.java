package io.relaybox.outbox;

/**
 * SPI: told of each event the {@link Outbox} writes, right after its row is written on the caller's transaction
 * connection (before that transaction commits, which it may still not do). For meters and logs; a framework's glue can
 * defer its own work to the commit (the Spring starter counts committed events this way). It runs on the caller's
 * thread inside the business transaction, so it must be quick and must not throw: an exception it throws is logged and
 * ignored, never failing the business transaction.
 */
@FunctionalInterface
public interface OutboxListener {

    /**
     * An event was written.
     *
     * @param event the event as written
     */
    void written(OutboxEvent event);

    /**
     * No listener: the default.
     *
     * @return a listener that does nothing
     */
    static OutboxListener none() {
        return event -> {
        };
    }
}
