package io.relaybox.outbox.kafka;

/**
 * The headers the {@link InboxConsumer} adds to a record it sends to the dead-letter topic {@code <topic>.dlq}, next to
 * the record's own headers, key and value, which it keeps untouched. All values are UTF-8 text. Re-driving removes
 * every header that starts with {@value #PREFIX}.
 */
public final class DeadLetterHeaders {

    /** The prefix of every header below. */
    public static final String PREFIX = "relaybox.dlq.";

    /** The class of the failure, e.g. {@code io.relaybox.outbox.inbox.UnknownEventTypeException}. */
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class";

    /** The failure's message (at most 4,000 characters). */
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";

    /**
     * Why, in one word: {@code schema}, {@code unparseable}, {@code unknown-type}, {@code parked}, {@code too-large},
     * {@code data} or {@code handler} (see the exception headers for the details).
     */
    public static final String REASON = PREFIX + "reason";

    /**
     * Only when the reason is {@code schema}: the first violations of the payload's contract (at most
     * {@value #LISTED_VIOLATIONS}), one per line, each naming its place in the payload ({@code /lines/0/quantity: ...}).
     */
    public static final String VIOLATIONS = PREFIX + "violations";

    /** How many violations {@link #VIOLATIONS} lists at most. */
    public static final int LISTED_VIOLATIONS = 5;

    /** The topic the record was consumed from, and the one re-driving publishes it to. */
    public static final String SOURCE_TOPIC = PREFIX + "source.topic";

    /** The partition it was consumed from. */
    public static final String SOURCE_PARTITION = PREFIX + "source.partition";

    /** Its offset in that partition. */
    public static final String SOURCE_OFFSET = PREFIX + "source.offset";

    /** The consumer (inbox name) that gave up on it. */
    public static final String CONSUMER = PREFIX + "consumer";

    /**
     * Only on parked records: the id of the dead-lettered event of the same aggregate that this one waits for
     * (exception class {@code io.relaybox.outbox.inbox.EventParkedException}).
     */
    public static final String PARKED_BEHIND = PREFIX + "parked.behind";

    private DeadLetterHeaders() {
    }

    /**
     * The dead-letter topic of a topic.
     *
     * @param topic the source topic, e.g. {@code orders.events}
     * @return {@code <topic>.dlq}, e.g. {@code orders.events.dlq}
     */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
