package io.relaybox.platform;

import java.util.Objects;

/**
 * A Kafka cluster that serves clients, whoever runs it: a {@link KafkaBroker} of this library ({@link
 * KafkaBroker#endpoint()}) or a broker elsewhere (a container, say).
 *
 * @param bootstrapServers {@code host:port[,host:port...]} as clients reach it
 */
public record KafkaEndpoint(String bootstrapServers) {

    public KafkaEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("no bootstrap servers");
        }
    }
}
