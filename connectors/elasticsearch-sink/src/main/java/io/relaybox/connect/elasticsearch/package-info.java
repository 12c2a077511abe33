/** A Kafka Connect sink that indexes outbox events and order states into Elasticsearch. */
package io.relaybox.connect.elasticsearch;
