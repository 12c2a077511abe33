/** The CDC path's writers: relaybox's outbox library in plain JDBC transactions. */
package io.relaybox.peers.relaybox;
