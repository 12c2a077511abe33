/** The peer benchmark's driver: starts the platform and each peer's process, measures, prints one table. */
package io.relaybox.peers.driver;
