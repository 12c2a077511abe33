/** Spring Boot auto-configuration for the relaybox outbox: {@code @Transactional} integration and {@code outbox.*} properties. */
package io.relaybox.outbox.spring;
