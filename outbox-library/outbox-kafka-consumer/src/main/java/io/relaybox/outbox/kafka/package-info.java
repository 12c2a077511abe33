/** The inbox's Kafka consumer loop: offsets committed after the database transaction, retries, dead letters, parking. */
package io.relaybox.outbox.kafka;
