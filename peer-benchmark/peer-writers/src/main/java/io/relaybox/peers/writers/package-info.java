/** What every peer application of the peer benchmark shares: the event, the settings and the writer threads. */
package io.relaybox.peers.writers;
