/** namastack outbox with its JDBC starter, publishing to Kafka. */
package io.relaybox.peers.namastack;
