package io.relaybox.outbox.inbox;

/**
 * Rewrites an event written with an older schema version into the version the consumer's handlers read, so that a
 * consumer registers one handler per type (the current version) and every older version, live or replayed from the
 * archive, reaches it through the one place that knows how versions differ. The inbox records the event under its own
 * id, whatever it was rewritten to; the payload is checked against the schema of the version it was written with, before
 * it is rewritten.
 */
public interface Upcaster {

    /**
     * @param type the event's type
     * @param schemaVersion the version it was written with
     * @return the version its handler reads: {@code schemaVersion} itself when there is nothing to rewrite
     */
    int handledVersion(String type, int schemaVersion);

    /**
     * @param event an event whose {@link #handledVersion} differs from its own version
     * @return the same event (id, key, time, headers) with the payload and schema version of the handled version
     * @throws PermanentEventFailure when the payload cannot be rewritten
     */
    InboxEvent upcast(InboxEvent event);

    /** Nothing to rewrite: every version is handled as written. */
    static Upcaster none() {
        return new Upcaster() {

            @Override
            public int handledVersion(String type, int schemaVersion) {
                return schemaVersion;
            }

            @Override
            public InboxEvent upcast(InboxEvent event) {
                return event;
            }
        };
    }
}
