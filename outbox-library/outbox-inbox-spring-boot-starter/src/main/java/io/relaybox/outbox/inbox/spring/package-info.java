/** Spring Boot auto-configuration of the inbox's Kafka consumer: started and stopped with the application, observable. */
package io.relaybox.outbox.inbox.spring;
