/** gruelbox transaction-outbox as its README sets it up, publishing to Kafka. */
package io.relaybox.peers.gruelbox;
