package io.relaybox.outbox;

import java.time.Clock;

/**
 * Configures an {@link Outbox}. Settings are checked once, by {@link #build()}, with messages that name the
 * property ({@code outbox.max-payload-bytes must be positive}). Not thread-safe; the built outbox is.
 */
public final class OutboxBuilder {

    /** The default maximum payload: 900 KiB of UTF-8 JSON, leaving room for headers under Kafka's 1 MiB default. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 900 * 1024;

    /** The default outbox table, created by the migration at {@code classpath:db/relaybox/outbox}. */
    public static final String DEFAULT_TABLE = OutboxTable.DEFAULT_NAME;

    private TransactionalConnectionSource connectionSource;
    private String table = DEFAULT_TABLE;
    private CleanupMode cleanupMode = CleanupMode.DELETE_AFTER_INSERT;
    private OutboxListener listener = OutboxListener.none();
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private Clock clock = Clock.systemUTC();
    private EventIdGenerator eventIdGenerator;
    private TraceContext traceContext = TraceContext.none();
    private PayloadSerializer payloadSerializer;
    private PayloadValidator payloadValidator = PayloadValidator.none();
    private PayloadValidation payloadValidation = PayloadValidation.STRICT;

    OutboxBuilder() {
    }

    /**
     * Where the outbox finds the current transaction's connection. Required.
     *
     * @param connectionSource e.g. a {@link JdbcTransactions}, or the Spring starter's source
     * @return this builder
     */
    public OutboxBuilder connectionSource(TransactionalConnectionSource connectionSource) {
        this.connectionSource = connectionSource;
        return this;
    }

    /**
     * The outbox table ({@code outbox.table}); default {@value #DEFAULT_TABLE}. A plain or schema-qualified
     * identifier; a table other than the default must be created by the application with the same columns.
     *
     * @param table the table name
     * @return this builder
     */
    public OutboxBuilder table(String table) {
        this.table = table;
        return this;
    }

    /**
     * What happens to a row after the insert ({@code outbox.cleanup}); default
     * {@link CleanupMode#DELETE_AFTER_INSERT}.
     *
     * @param cleanupMode the mode, not null
     * @return this builder
     */
    public OutboxBuilder cleanupMode(CleanupMode cleanupMode) {
        this.cleanupMode = cleanupMode;
        return this;
    }

    /**
     * The largest payload accepted, in bytes of UTF-8 JSON ({@code outbox.max-payload-bytes}); default
     * {@value #DEFAULT_MAX_PAYLOAD_BYTES} (900 KiB). Keep it below the producer's {@code max.request.size} and the
     * topic's {@code max.message.bytes}, minus room for key and headers.
     *
     * @param maxPayloadBytes a positive number of bytes
     * @return this builder
     */
    public OutboxBuilder maxPayloadBytes(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
        return this;
    }

    /**
     * The clock for {@code occurredat} (truncated to microseconds) and for the default id generator; default
     * {@link Clock#systemUTC()}.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public OutboxBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * The event id generator; default {@link EventIdGenerator#timeOrdered(Clock)} on this builder's clock.
     *
     * @param eventIdGenerator the generator, not null
     * @return this builder
     */
    public OutboxBuilder eventIdGenerator(EventIdGenerator eventIdGenerator) {
        this.eventIdGenerator = eventIdGenerator;
        return this;
    }

    /**
     * The source of the {@code traceparent} column; default {@link TraceContext#none()}.
     *
     * @param traceContext the trace context, not null
     * @return this builder
     */
    public OutboxBuilder traceContext(TraceContext traceContext) {
        this.traceContext = traceContext;
        return this;
    }

    /**
     * Told of each event written, in the caller's transaction; default {@link OutboxListener#none()}.
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public OutboxBuilder listener(OutboxListener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * The payload serializer; default {@link PayloadSerializer#jackson()}.
     *
     * @param payloadSerializer the serializer, not null
     * @return this builder
     */
    public OutboxBuilder payloadSerializer(PayloadSerializer payloadSerializer) {
        this.payloadSerializer = payloadSerializer;
        return this;
    }

    /**
     * Checks every payload against its contract before it is written (default: none), with what to do about a
     * violation (default {@link PayloadValidation#STRICT}: refuse the event).
     *
     * @param validator the contract check, not null
     * @param mode strict, warn or off; not null
     * @return this builder
     */
    public OutboxBuilder payloadValidator(PayloadValidator validator, PayloadValidation mode) {
        this.payloadValidator = validator;
        this.payloadValidation = mode;
        return this;
    }

    /**
     * Validates the settings and builds the outbox.
     *
     * @return a thread-safe outbox
     * @throws OutboxConfigurationException naming the first invalid setting
     */
    public Outbox build() {
        require(connectionSource, "outbox.connection-source");
        OutboxTable outboxTable = new OutboxTable(table);
        require(cleanupMode, "outbox.cleanup");
        if (maxPayloadBytes <= 0) {
            throw new OutboxConfigurationException("outbox.max-payload-bytes must be positive, was: " + maxPayloadBytes);
        }
        require(clock, "outbox.clock");
        require(traceContext, "outbox.trace-context");
        require(listener, "outbox.listener");
        require(payloadValidator, "outbox.payload-validator");
        require(payloadValidation, "outbox.validation");
        EventIdGenerator ids = eventIdGenerator != null ? eventIdGenerator : EventIdGenerator.timeOrdered(clock);
        PayloadSerializer serializer = payloadSerializer != null ? payloadSerializer : PayloadSerializer.jackson();
        return new JdbcOutbox(connectionSource, outboxTable, cleanupMode, maxPayloadBytes, clock, ids, traceContext,
                serializer, listener, payloadValidation == PayloadValidation.OFF ? PayloadValidator.none() : payloadValidator,
                payloadValidation);
    }

    static void require(Object value, String property) {
        if (value == null) {
            throw new OutboxConfigurationException(property + " must be set");
        }
    }
}
