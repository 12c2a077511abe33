package io.relaybox.outbox.kafka.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;

import io.relaybox.outbox.kafka.deadletter.DeadLetterTopic;
import picocli.CommandLine.Option;

/** Where the dead-letter topic is: cluster, topic, and an optional file of client settings (security). */
final class ConnectionOptions {

    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:19092", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, the local platform's broker).")
    String bootstrapServers;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "The dead-letter topic, e.g. orders.events.dlq.")
    String topic;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "A properties file of Kafka client settings, e.g. security.protocol and sasl.jaas.config.")
    Path commandConfig;

    DeadLetterTopic open() {
        Map<String, Object> properties = new HashMap<>();
        if (commandConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + commandConfig + ": " + e.getMessage(), e);
            }
            file.forEach((key, value) -> properties.put(key.toString(), value));
        }
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return DeadLetterTopic.open(topic, properties);
    }
}
