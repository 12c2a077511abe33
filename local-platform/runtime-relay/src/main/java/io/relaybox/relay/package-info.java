/**
 * The embedded relay: the outbox source connectors' work (Debezium's Postgres connector and the Outbox Event Router)
 * without a Kafka Connect worker, in Debezium's embedded engine, publishing to Kafka with an idempotent producer and
 * committing the source offsets only after Kafka acknowledged the records before them (at least once: after a crash
 * the records since the last committed offset are sent again; consumers skip them by event id).
 */
package io.relaybox.relay;
