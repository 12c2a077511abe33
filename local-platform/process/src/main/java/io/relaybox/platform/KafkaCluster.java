package io.relaybox.platform;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The platform's Kafka: one KRaft node, or several that form one cluster (each a broker and a controller). Clients
 * bootstrap from every node, so that any one of them may be down.
 */
public final class KafkaCluster {

    private final List<KafkaBroker> brokers;
    private final ClusterShape shape;

    public KafkaCluster(List<KafkaBroker> brokers, ClusterShape shape) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one broker");
        }
        this.brokers = List.copyOf(brokers);
        this.shape = shape;
    }

    /** The nodes, in node id order. */
    public List<KafkaBroker> brokers() {
        return brokers;
    }

    /** Every node's client listener, comma-separated, as clients bootstrap. */
    public String bootstrapServers() {
        return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers());
    }

    /** The first node's process ({@code kafka}), the only one of a single-node platform. */
    public ManagedProcess process() {
        return brokers.get(0).process();
    }

    /** The node with this {@code node.id}. */
    public Optional<KafkaBroker> node(int id) {
        return brokers.stream().filter(broker -> broker.nodeId() == id).findFirst();
    }

    /** How many copies of each partition the cluster keeps. */
    public short replicationFactor() {
        return shape.replicationFactor();
    }

    /** Writes every node's configuration and formats its storage on first use. */
    public void prepare() {
        brokers.forEach(KafkaBroker::prepare);
    }
}
