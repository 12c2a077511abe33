/** Spring Modulith's JDBC event publication registry with externalization to Kafka. */
package io.relaybox.peers.modulith;
