package io.relaybox.platform;

/**
 * How many Kafka brokers and Kafka Connect workers the platform runs: one of each by default; a cluster
 * ({@code --brokers 3 --connect-workers 2}) replicates every topic three times and accepts a write once two replicas
 * have it, so that it survives losing one broker, and spreads Connect's tasks over its workers, which take over each
 * other's tasks.
 *
 * @param brokers the KRaft nodes, each a broker and a controller (1 to {@link #MAX_BROKERS})
 * @param connectWorkers the Connect workers in one group (1 to {@link #MAX_CONNECT_WORKERS})
 */
public record ClusterShape(int brokers, int connectWorkers) {

    public static final int MAX_BROKERS = 3;
    public static final int MAX_CONNECT_WORKERS = 3;
    /** One broker and one worker: nothing replicated, nothing to fail over to. */
    public static final ClusterShape SINGLE = new ClusterShape(1, 1);

    public ClusterShape {
        if (brokers < 1 || brokers > MAX_BROKERS) {
            throw new IllegalArgumentException("brokers must be 1 to " + MAX_BROKERS + ", was " + brokers);
        }
        if (connectWorkers < 1 || connectWorkers > MAX_CONNECT_WORKERS) {
            throw new IllegalArgumentException("connect workers must be 1 to " + MAX_CONNECT_WORKERS + ", was " + connectWorkers);
        }
    }

    /** How many copies of each partition the brokers keep: every broker's, at most three. */
    public short replicationFactor() {
        return (short) Math.min(brokers, 3);
    }

    /**
     * How many replicas must have a write before an {@code acks=all} producer hears it is written: all but one, so that
     * one broker may be lost without losing a write or refusing one.
     */
    public int minInsyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** More than one broker or worker. */
    public boolean isCluster() {
        return brokers > 1 || connectWorkers > 1;
    }

    /** The process name of broker {@code node} (1-based): {@code kafka}, {@code kafka-2}, ... */
    public static String brokerName(int node) {
        return node == 1 ? "kafka" : "kafka-" + node;
    }

    /** The node id of a broker by its process name, {@link #brokerName}'s inverse: {@code kafka} is 1, {@code kafka-2} 2. */
    public static int brokerNode(String name) {
        return name.equals("kafka") ? 1 : Integer.parseInt(name.substring("kafka-".length()));
    }

    /** The process name of worker {@code worker} (1-based): {@code connect}, {@code connect-2}, ... */
    public static String workerName(int worker) {
        return worker == 1 ? "connect" : "connect-" + worker;
    }

    /** The shape of the processes that run: the brokers and workers among these process names. */
    public static ClusterShape ofProcesses(java.util.Collection<String> names) {
        int brokers = 0;
        int workers = 0;
        for (int i = 1; i <= Math.max(MAX_BROKERS, MAX_CONNECT_WORKERS); i++) {
            brokers += i <= MAX_BROKERS && names.contains(brokerName(i)) ? 1 : 0;
            workers += i <= MAX_CONNECT_WORKERS && names.contains(workerName(i)) ? 1 : 0;
        }
        return new ClusterShape(Math.max(1, brokers), Math.max(1, workers));
    }
}
