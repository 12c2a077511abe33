/** The Kafka consumer of a Spring Boot service's inbox: started and stopped with the application, observable. */
package io.relaybox.service.inbox;
