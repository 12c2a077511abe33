package io.relaybox.verification.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * What the sinks hold of the events published about the demo's orders.
 *
 * @param published events the services wrote to their outboxes about the orders
 * @param searchable of those, how many Elasticsearch holds (one document per event)
 * @param archived of those, how many the archive holds
 * @param archivedCopies archive lines beyond one per Kafka record (a record archived twice: never allowed)
 * @param resentCopies archived copies of events that Kafka itself held twice (re-sent by at-least-once CDC)
 */
public record SinkCounts(long published, long searchable, long archived, long archivedCopies, long resentCopies) {

    /** Asks Elasticsearch and the archive now. */
    static SinkCounts of(long published, SearchedEvents search, ArchivedEvents archive, Set<String> eventIds)
            throws InterruptedException {
        try {
            ArchivedEvents.Found found = archive.find(eventIds);
            return new SinkCounts(published, search.count(eventIds), found.distinct(), found.copies(), found.resent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when Elasticsearch holds every published event once and the archive every one of them, each Kafka record
     * once.
     */
    public boolean complete() {
        return searchable == published && archived == published && archivedCopies == 0;
    }
}
