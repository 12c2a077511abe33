package io.relaybox.verification.verify;

/**
 * One event a service's database committed: a retained outbox row.
 *
 * @param id the event id (column {@code id}; Kafka header {@code id}, Elasticsearch {@code _id}, the inbox's key)
 * @param topic where Debezium routes it, {@code <aggregatetype>.events}
 * @param aggregateId the record key (column {@code aggregateid})
 * @param type the event type (column {@code type})
 */
record LedgerEvent(String id, String topic, String aggregateId, String type) {
}
