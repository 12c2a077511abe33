package io.relaybox.outbox;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The {@link Outbox}: one INSERT (and, by default, one DELETE) on the caller's transaction connection. */
final class JdbcOutbox implements Outbox {

    private static final System.Logger LOG = System.getLogger(JdbcOutbox.class.getName());

    private final TransactionalConnectionSource connections;
    private final OutboxTable table;
    private final CleanupMode cleanup;
    private final int maxPayloadBytes;
    private final Clock clock;
    private final EventIdGenerator ids;
    private final TraceContext traceContext;
    private final PayloadSerializer serializer;
    private final PayloadValidator validator;
    private final PayloadValidation validation;
    private final OutboxListener listener;

    JdbcOutbox(TransactionalConnectionSource connections, OutboxTable table, CleanupMode cleanup, int maxPayloadBytes,
            Clock clock, EventIdGenerator ids, TraceContext traceContext, PayloadSerializer serializer, OutboxListener listener,
            PayloadValidator validator, PayloadValidation validation) {
        this.validator = validator;
        this.validation = validation;
        this.connections = connections;
        this.table = table;
        this.cleanup = cleanup;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
        this.ids = ids;
        this.traceContext = traceContext;
        this.serializer = serializer;
        this.listener = listener;
    }

    @Override
    public OutboxEvent publish(OutboxMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        Connection connection = transactionConnection();
        String payload = serialize(message);
        validate(message, payload);
        OutboxEvent event = new OutboxEvent(ids.nextId(), message.aggregateType(), message.aggregateId(),
                message.eventType(), payload, message.schemaVersion(), now(), traceparent(), message.headers());
        try {
            insert(connection, event);
            if (cleanup == CleanupMode.DELETE_AFTER_INSERT) {
                delete(connection, event);
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot write " + describe(message) + " to " + table.name() + ": "
                    + e.getMessage(), e);
        }
        tell(event);
        return event;
    }

    /** Refuses (strict) or logs (warn) a payload that breaks its contract; before anything is written. */
    private void validate(OutboxMessage message, String payload) {
        List<String> violations = validator.violations(message.eventType(), message.schemaVersion(), payload);
        if (violations.isEmpty()) {
            return;
        }
        if (validation == PayloadValidation.STRICT) {
            throw new InvalidEventPayloadException(message.eventType(), message.schemaVersion(), violations);
        }
        LOG.log(Level.WARNING, describe(message) + " v" + message.schemaVersion() + " breaks its contract (written anyway, "
                + "outbox.validation=warn): " + violations);
    }

    /** A listener's failure is logged, never the business transaction's. */
    private void tell(OutboxEvent event) {
        try {
            listener.written(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbox listener failed on event " + event.id() + " (ignored): " + e);
        }
    }

    private Connection transactionConnection() {
        Connection connection = connections.currentTransactionConnection();
        if (connection == null) {
            throw new NoActiveTransactionException("the TransactionalConnectionSource returned no connection");
        }
        try {
            if (connection.getAutoCommit()) {
                throw new NoActiveTransactionException("the transaction's connection is in auto-commit mode: the"
                        + " event would be committed on its own, apart from the business rows; begin a transaction"
                        + " (setAutoCommit(false), @Transactional, JdbcTransactions.inTransaction) before publishing");
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot inspect the transaction's connection: " + e.getMessage(), e);
        }
        return connection;
    }

    private String serialize(OutboxMessage message) {
        String json;
        try {
            json = serializer.toJson(message.payload());
        } catch (RuntimeException e) {
            throw new OutboxException("cannot serialize the payload of " + describe(message) + ": " + e.getMessage(),
                    e);
        }
        if (json == null) {
            throw new OutboxException("the PayloadSerializer returned no JSON for " + describe(message));
        }
        // cheap bound first: a UTF-8 char takes at most 3 bytes (a surrogate pair 4 bytes for 2 chars)
        if ((long) json.length() * 3 > maxPayloadBytes) {
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxPayloadBytes) {
                throw new OutboxPayloadTooLargeException(message.aggregateType(), message.aggregateId(),
                        message.eventType(), bytes, maxPayloadBytes);
            }
        }
        return json;
    }

    private Instant now() {
        // timestamptz keeps microseconds: the event returned must equal what the table holds
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String traceparent() {
        String traceparent;
        try {
            traceparent = traceContext.currentTraceparent().orElse(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the TraceContext failed; writing the event without a traceparent", e);
            return null;
        }
        if (traceparent != null && !Traceparents.isValid(traceparent)) {
            LOG.log(Level.WARNING, "ignoring a malformed traceparent from the TraceContext: {0}", traceparent);
            return null;
        }
        return traceparent;
    }

    private void insert(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
            insert.setObject(1, event.id());
            insert.setString(2, event.aggregateType());
            insert.setString(3, event.aggregateId());
            insert.setString(4, event.type());
            insert.setString(5, event.payload());
            insert.setInt(6, event.schemaVersion());
            insert.setObject(7, event.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setString(8, event.traceparent());
            insert.setString(9, HeadersJson.toJsonOrNull(event.headers()));
            insert.executeUpdate();
        }
    }

    private void delete(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(table.deleteSql())) {
            delete.setObject(1, event.id());
            delete.executeUpdate();
        }
    }

    private static String describe(OutboxMessage message) {
        return message.eventType() + " for " + message.aggregateType() + " " + message.aggregateId();
    }
}
