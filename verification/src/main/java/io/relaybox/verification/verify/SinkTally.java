package io.relaybox.verification.verify;

/**
 * What one sink holds of the events the databases committed during a verification run.
 *
 * @param sink e.g. {@code kafka}, {@code elasticsearch}, {@code archive}, {@code inventory-service}
 * @param expected events the databases committed that this sink must hold (or apply) once
 * @param delivered distinct expected events the sink holds
 * @param duplicatesDelivered extra copies the sink holds (an event id held twice counts one)
 * @param duplicatesSuppressed copies that reached the sink and were recognised and dropped (consumers' inbox, the
 *        Elasticsearch document id); not an error
 * @param lost expected events the sink does not hold
 */
public record SinkTally(String sink, long expected, long delivered, long duplicatesDelivered, long duplicatesSuppressed, long lost) {
}
