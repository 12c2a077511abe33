package io.relaybox.connectctl;

import java.util.List;
import java.util.Map;

/**
 * A connector's offsets as the offsets API of Kafka Connect 3.6+ shows and takes them
 * ({@code GET/PATCH /connectors/{name}/offsets}). For a sink a partition is {@code {"kafka_topic", "kafka_partition"}}
 * and an offset {@code {"kafka_offset"}}; for a source both are whatever the connector chose.
 *
 * @param offsets one entry per partition
 */
public record ConnectorOffsets(List<Entry> offsets) {

    public ConnectorOffsets {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }

    /**
     * One partition's position.
     *
     * @param partition the source partition, or the Kafka topic partition of a sink
     * @param offset its offset; null in a PATCH resets that one partition
     */
    public record Entry(Map<String, Object> partition, Map<String, Object> offset) {
    }
}
