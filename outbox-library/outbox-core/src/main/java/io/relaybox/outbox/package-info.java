/** The framework-free transactional outbox: write an event into the outbox table in the caller's JDBC transaction. */
package io.relaybox.outbox;
