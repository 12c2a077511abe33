/** The idempotent-consumer contract of the consuming services, and the Kafka, database and instances it runs on. */
package io.relaybox.service.contract;
