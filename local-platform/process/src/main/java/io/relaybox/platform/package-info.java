/** Starts, watches and stops the local platform's processes: PostgreSQL, Kafka, Kafka Connect and the services. */
package io.relaybox.platform;
