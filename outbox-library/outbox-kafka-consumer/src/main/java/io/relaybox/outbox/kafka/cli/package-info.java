/** The {@code dead-letters} command: lists a dead-letter topic and re-drives chosen dead letters. */
package io.relaybox.outbox.kafka.cli;
