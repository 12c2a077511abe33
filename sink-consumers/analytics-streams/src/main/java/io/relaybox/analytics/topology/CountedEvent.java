package io.relaybox.analytics.topology;

/** An event the topology counts, known by its id (the outbox row's, Kafka header {@code id}). */
public interface CountedEvent {

    String eventId();
}
