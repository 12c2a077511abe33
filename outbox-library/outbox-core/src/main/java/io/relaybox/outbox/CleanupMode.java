package io.relaybox.outbox;

/** What happens to an outbox row after it is written. */
public enum CleanupMode {

    /**
     * The row is deleted right after the insert, in the same transaction (the default). The write-ahead log keeps
     * the insert, which is all Debezium reads, so the table never grows.
     */
    DELETE_AFTER_INSERT,

    /** The row stays, for inspection or replay, until an {@link OutboxPurger} deletes it after its retention. */
    RETAIN
}
