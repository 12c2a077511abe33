package io.relaybox.peers.modulith;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

import io.relaybox.peers.writers.OrderPlaced;
import io.relaybox.peers.writers.PeerSettings;
import io.relaybox.peers.writers.PeerWriters;

/**
 * Spring Modulith's event publication registry as its reference documentation sets it up: the JDBC starter (schema
 * initialization on), Kafka externalization ({@code spring-modulith-events-kafka}), a {@code @Transactional} service
 * that saves the order and publishes the event as an application event ({@link OrderService}), and the publications a
 * crash left incomplete republished on restart (application.properties). The event type lives in the shared writers'
 * module, so it is selected and routed through {@link EventExternalizationConfiguration} (the API form of
 * {@code @Externalized}): the topic from the driver, the order id as the key.
 */
@SpringBootApplication
public class ModulithPeer {

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.fromSystemProperties();
        ConfigurableApplicationContext context = SpringApplication.run(ModulithPeer.class, args);
        PeerWriters.run(settings, context.getBean(DataSource.class), context.getBean(OrderService.class)::place);
        PeerWriters.awaitStop();
    }

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration(@Value("${peer.topic}") String topic) {
        return EventExternalizationConfiguration.externalizing().selectByType(OrderPlaced.class)
                .route(OrderPlaced.class, event -> RoutingTarget.forTarget(topic).andKey(event.orderId())).build();
    }
}
