package io.relaybox.contracts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.relaybox.outbox.inbox.InboxEvent;
import io.relaybox.outbox.inbox.PermanentEventFailure;

/**
 * Who decides a capability of an order while it moves out of the monolith: the monolith marks each order event it
 * publishes with one extra outbox header per capability ({@link #INVENTORY}: {@code relaybox.migration.inventory},
 * {@link #PAYMENT}: {@code relaybox.migration.payment}), whose value is a {@link Mode} in lower case. Events without it
 * were published before the modes existed, when the services decided from the event: they read as {@link Mode#EVENTS}.
 */
public enum MigrationHeader {

    /** Who reserves the order's stock. */
    INVENTORY("relaybox.migration.inventory"),

    /** Who charges the order. */
    PAYMENT("relaybox.migration.payment");

    /** Where a capability of an order is decided; the header carries the name in lower case. */
    public enum Mode {

        /** The monolith's legacy module decides in-process: the service decides nothing. */
        MONOLITH,

        /** The monolith calls the service's HTTP API inside its request: that call decided already. */
        SYNC,

        /** The monolith decides, and the service decides too, on its own state, for the monolith to compare. */
        SHADOW,

        /** The service decides from the event: the service is authoritative. */
        EVENTS;

        /** The header's value of this mode. */
        public String headerValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the service decides an {@code OrderPlaced} of this mode from the event. */
        public boolean serviceDecides() {
            return this == SHADOW || this == EVENTS;
        }
    }

    private final String headerName;

    MigrationHeader(String headerName) {
        this.headerName = headerName;
    }

    /** The name of the extra header. */
    public String headerName() {
        return headerName;
    }

    /**
     * The event's mode: {@link Mode#EVENTS} when it has no header.
     *
     * @throws PermanentEventFailure when the header holds anything but a mode's lower-case name: the event is
     *         dead-lettered rather than decided by a guess (a service deciding what the monolith decided would hold
     *         the stock or charge the customer twice)
     */
    public Mode mode(InboxEvent event) {
        String value = event.headers().get(headerName);
        if (value == null) {
            return Mode.EVENTS;
        }
        return parse(value).orElseThrow(() -> new PermanentEventFailure(event.type() + " " + event.id() + " of order "
                + event.aggregateId() + ": header " + headerName + " is \"" + value + "\", expected one of " + Arrays
                        .stream(Mode.values()).map(Mode::headerValue).collect(Collectors.joining(", "))));
    }

    /**
     * Whether the service decides the event by its header; false for a header it cannot read (its handler
     * dead-letters the event). For a batch's locks, which must not fail on what the handler refuses.
     */
    public boolean serviceDecides(InboxEvent event) {
        String value = event.headers().get(headerName);
        return value == null || parse(value).map(Mode::serviceDecides).orElse(false);
    }

    /** The mode of a header value, exactly as written (lower case); empty for anything else. */
    public static Optional<Mode> parse(String value) {
        return Arrays.stream(Mode.values()).filter(mode -> mode.headerValue().equals(value)).findFirst();
    }
}
