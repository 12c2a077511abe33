package io.relaybox.platform;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.relaybox.topology.EventTopics;
import io.relaybox.topology.Topology;

/**
 * The event topics of the platform, created up front so that consumers find them at once: one per aggregate type the
 * topology's services publish ({@code orders.events}, ...) and its dead-letter topic ({@code <topic>.dlq}) with the
 * same partitions.
 */
final class Topics {

    static final int PARTITIONS = 6;
    static final List<String> EVENT_TOPICS = Topology.load().eventTopics();

    private Topics() {
    }

    static void ensure(String bootstrapServers, short replicationFactor) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            for (String topic : EVENT_TOPICS) {
                for (String name : List.of(topic, EventTopics.deadLetter(topic))) {
                    create(admin, new NewTopic(name, PARTITIONS, replicationFactor));
                }
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new PlatformException("cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new PlatformException("cannot create topic " + topic.name() + ": " + e, e);
        }
    }
}
