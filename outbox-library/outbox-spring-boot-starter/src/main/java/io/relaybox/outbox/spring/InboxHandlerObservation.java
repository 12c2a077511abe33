package io.relaybox.outbox.spring;

import io.relaybox.outbox.inbox.EventHandler;

/** Wraps the application's {@link EventHandler} so that each event is handled in an observation. */
@FunctionalInterface
interface InboxHandlerObservation {

    /**
     * The handler to give the inbox.
     *
     * @param handler the application's handler
     * @param consumer the inbox's consumer name
     * @return a handler that delegates to {@code handler}
     */
    EventHandler observe(EventHandler handler, String consumer);
}
