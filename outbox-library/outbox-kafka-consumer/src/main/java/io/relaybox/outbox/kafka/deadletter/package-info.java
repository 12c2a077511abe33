/** Reading a dead-letter topic and re-driving chosen dead letters to the topic they came from. */
package io.relaybox.outbox.kafka.deadletter;
