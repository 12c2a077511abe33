package io.relaybox.outbox.inbox;

/** What {@link Inbox#receive(InboxEvent)} did with an event. */
public enum InboxResult {

    /** The handler ran and the event was recorded as processed, in one committed transaction. */
    APPLIED,

    /** The event's id was already recorded for this consumer: the handler did not run again. */
    SKIPPED_DUPLICATE,

    /**
     * An earlier event of the same aggregate is dead-lettered in this consumer: the handler did not run, and the event
     * was recorded as parked behind it (see {@link Inbox#parkedBehind(String)}). The transport must set it aside (the
     * Kafka consumer sends it to the dead-letter topic with the reason "parked behind &lt;event id&gt;"); re-driving
     * the dead letter and then the parked events applies them in their original order.
     */
    PARKED
}
