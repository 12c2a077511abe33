package io.relaybox.outbox.inbox;

/**
 * SPI: decides whether a failure to apply an event is {@linkplain FailureType#TRANSIENT transient} (retry) or
 * {@linkplain FailureType#PERMANENT permanent} (dead-letter). Called with the exception that rolled the transaction
 * back: the handler's own, or the transaction's (which may wrap the JDBC driver's), so implementations should look
 * along the cause chain.
 */
@FunctionalInterface
public interface FailureClassifier {

    /**
     * Classifies a failure.
     *
     * @param failure the exception, not null
     * @return its type, not null
     */
    FailureType classify(Throwable failure);

    /**
     * The default, walking the cause chain from the outermost exception and taking the first that decides:
     * <ul>
     * <li>permanent: {@link PermanentEventFailure} (and so {@link UnparseablePayloadException},
     * {@link UnknownEventTypeException}), a Jackson {@code JacksonException} (a payload that cannot be read or bound),
     * {@code OutboxPayloadTooLargeException} (an event the handler publishes is too large), and an
     * {@link java.sql.SQLException} of SQLState class {@code 22} (data exception) or {@code 23} (integrity constraint
     * violation): the event's data does not fit the schema, and will not next time either;</li>
     * <li>transient: any other {@code SQLException}, e.g. {@code SQLTransientException}, class {@code 08} (connection),
     * {@code 40001}/{@code 40P01} (serialization failure, deadlock), {@code 53} (insufficient resources),
     * {@code 55P03} (lock not available), {@code 57} ({@code 57014} statement timeout, {@code 57P01} admin shutdown);</li>
     * <li>transient as well: everything else, such as an I/O timeout or an unexpected {@code RuntimeException}. A
     * bug or a missing table is an environment failure that a redeploy fixes; dead-lettering it would park every
     * aggregate. A handler that knows an event is bad throws {@link PermanentEventFailure}.</li>
     * </ul>
     *
     * @return the default classifier, thread-safe
     */
    static FailureClassifier defaults() {
        return DefaultFailureClassifier.INSTANCE;
    }
}
