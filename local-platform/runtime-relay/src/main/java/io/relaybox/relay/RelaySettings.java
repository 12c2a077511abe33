package io.relaybox.relay;

import java.util.Objects;

/**
 * What every relayed connector shares.
 *
 * @param bootstrapServers the Kafka cluster the events and the offsets go to
 * @param offsetsTopic the compacted topic holding each connector's source offset (its WAL position), keyed as Kafka
 *        Connect keys its offsets ({@code ["<connector name>", {"server": "<topic prefix>"}]})
 * @param replicationFactor of the offsets topic and of the event topics the relay creates; -1 for the broker's
 *        {@code default.replication.factor}
 */
public record RelaySettings(String bootstrapServers, String offsetsTopic, short replicationFactor) {

    /** The offsets topic unless told otherwise: apart from Connect's, so that the two runtimes never write each other's. */
    public static final String DEFAULT_OFFSETS_TOPIC = "relaybox-relay-offsets";

    public RelaySettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(offsetsTopic, "offsetsTopic");
        if (replicationFactor < 1 && replicationFactor != -1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, or -1 for the broker's default, was: "
                    + replicationFactor);
        }
    }
}
