package io.relaybox.outbox.inbox;

import java.sql.Connection;
import java.util.List;

import io.relaybox.outbox.PayloadValidation;
import io.relaybox.outbox.PayloadValidator;

/**
 * Checks each received payload the application's handler acts on against its contract before the handler sees it
 * (events it ignores, or refuses as of an unknown type, are left to it): with
 * {@link PayloadValidation#STRICT} an invalid event is refused ({@link EventContractViolationException}, dead-lettered
 * with reason {@code schema}), with {@link PayloadValidation#WARN} it is logged and handled.
 */
final class ValidatingEventHandler implements EventHandler {

    private static final System.Logger LOG = System.getLogger(ValidatingEventHandler.class.getName());

    private final EventHandler handler;
    private final PayloadValidator validator;
    private final PayloadValidation validation;

    ValidatingEventHandler(EventHandler handler, PayloadValidator validator, PayloadValidation validation) {
        this.handler = handler;
        this.validator = validator;
        this.validation = validation;
    }

    @Override
    public void handle(InboxEvent event, Connection connection) throws Exception {
        List<String> violations = handler.handles(event) ? validator.violations(event.type(), event.schemaVersion(), event.payload())
                : List.of();
        if (!violations.isEmpty()) {
            EventContractViolationException violation = new EventContractViolationException(event, violations);
            if (validation == PayloadValidation.STRICT) {
                throw violation;
            }
            LOG.log(System.Logger.Level.WARNING, violation.getMessage() + " (handled anyway: validation=warn)");
        }
        handler.handle(event, connection);
    }

    @Override
    public boolean handles(InboxEvent event) {
        return handler.handles(event);
    }

    @Override
    public void beforeBatch(List<InboxEvent> events, Connection connection) throws Exception {
        handler.beforeBatch(events, connection);
    }
}
