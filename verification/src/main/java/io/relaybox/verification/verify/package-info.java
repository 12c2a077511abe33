/**
 * {@code ./platform verify}: the exactly-once verification run. A steady order load, a seeded fault schedule while it
 * runs, then an audit of every sink against the source of truth, the services' databases (their retained outbox rows).
 */
package io.relaybox.verification.verify;
