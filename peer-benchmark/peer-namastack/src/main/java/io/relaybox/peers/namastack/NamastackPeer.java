package io.relaybox.peers.namastack;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import io.relaybox.peers.writers.PeerSettings;
import io.relaybox.peers.writers.PeerWriters;

/**
 * namastack outbox as its quickstart sets it up: the JDBC starter (which creates its tables), a {@code @Transactional}
 * service that saves the order and schedules its event ({@link OrderService}), and an {@code @OutboxHandler} that
 * publishes to Kafka ({@link KafkaOutboxHandler}). Polling as its performance-tuning guide's sustainable profile:
 * 800 keys per cycle every 100 ms (application.properties).
 */
@SpringBootApplication
public class NamastackPeer {

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.fromSystemProperties();
        ConfigurableApplicationContext context = SpringApplication.run(NamastackPeer.class, args);
        PeerWriters.run(settings, context.getBean(DataSource.class), context.getBean(OrderService.class)::place);
        PeerWriters.awaitStop();
    }
}
