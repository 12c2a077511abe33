/**
 * The analytics application: Spring Boot glue around the framework-free topology
 * ({@link io.relaybox.analytics.topology}): its settings, the Kafka Streams instance's lifecycle and health, and the
 * HTTP answers of interactive queries ({@link io.relaybox.analytics.web}).
 */
package io.relaybox.analytics;
