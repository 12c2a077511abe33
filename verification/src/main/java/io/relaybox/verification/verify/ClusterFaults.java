package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorStatus;
import io.relaybox.platform.ClusterShape;

/**
 * What the faults of a cluster need to know about it: which broker is the active KRaft controller, which worker runs a
 * connector's task, and when the others have taken over what a lost node did (every partition led by a live broker,
 * another controller leading the quorum, every task running on a live worker).
 */
final class ClusterFaults implements AutoCloseable {

    private static final long ADMIN_TIMEOUT_MS = 5_000;

    private final String bootstrapServers;
    private final Map<String, ConnectClient> workers;
    private Admin admin;

    /**
     * @param bootstrapServers every broker, so that the admin client reaches the cluster with one of them down
     * @param workers each Connect worker's client by its process name ({@code connect}, {@code connect-2})
     */
    ClusterFaults(String bootstrapServers, Map<String, ConnectClient> workers) {
        this.bootstrapServers = bootstrapServers;
        this.workers = new LinkedHashMap<>(workers);
    }

    /** The node id of the broker that leads the KRaft quorum (the active controller). */
    int activeController() {
        return call(admin -> admin.describeMetadataQuorum().quorumInfo().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).leaderId());
    }

    /** The node ids of the brokers, as the cluster knows them. */
    List<Integer> brokerIds() {
        return call(admin -> admin.describeCluster().nodes().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).stream().map(Node::id)
                .sorted().toList());
    }

    /** A broker other than the active controller, drawn with the random. */
    int brokerOtherThanController(Random random) {
        int controller = activeController();
        List<Integer> others = brokerIds().stream().filter(id -> id != controller).toList();
        if (others.isEmpty()) {
            throw new IllegalStateException("no broker other than the controller (node " + controller + ")");
        }
        return others.get(random.nextInt(others.size()));
    }

    /** The process name of the worker that runs the connector's first task, else the connector itself; the first worker when none. */
    String workerRunning(String connector) {
        ConnectorStatus status = anyWorker().status(connector).orElse(null);
        String address = status == null ? "" : status.tasks().isEmpty() ? status.workerId() : status.tasks().get(0).workerId();
        return workers.entrySet().stream().filter(worker -> address(worker.getValue()).equals(address)).map(Map.Entry::getKey)
                .findFirst().orElse(ClusterShape.workerName(1));
    }

    /**
     * Waits until no partition of any topic (the internal ones too) is led by the node or has no leader, and, when asked,
     * until another node leads the quorum; returns the time since {@code lostAt}.
     */
    Duration awaitFailoverFromBroker(int node, boolean wasController, Instant lostAt, Duration timeout) {
        if (wasController) {
            Polling.await("another broker leading the KRaft quorum after node " + node + " was lost", timeout, () -> {
                try {
                    int leader = activeController();
                    return leader >= 0 && leader != node;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
        Polling.await("every partition led by a broker other than node " + node, timeout, () -> {
            try {
                return partitions().stream().allMatch(partition -> partition.leader() != null && partition.leader().id() != node);
            } catch (RuntimeException e) {
                return false;
            }
        });
        return Duration.between(lostAt, Instant.now());
    }

    /** Waits until every partition has all its replicas in sync again (the returned broker caught up). */
    void awaitReplicasInSync(Duration timeout) {
        Polling.await("every partition's replicas in sync again", timeout, () -> {
            try {
                return partitions().stream().allMatch(partition -> partition.isr().size() == partition.replicas().size());
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * Waits until every task of every connector runs on a worker other than the lost one, as a surviving worker reports it;
     * returns the time since {@code lostAt}.
     */
    Duration awaitFailoverFromWorker(String lost, Collection<String> connectors, Instant lostAt, Duration timeout) {
        String lostAddress = address(workers.get(lost));
        ConnectClient survivor = workers.entrySet().stream().filter(worker -> !worker.getKey().equals(lost)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("no worker other than " + lost));
        Polling.await("every task running on a worker other than " + lost, timeout, () -> {
            try {
                for (String connector : connectors) {
                    ConnectorStatus status = survivor.status(connector).orElse(null);
                    if (status == null || status.tasks().isEmpty() || !status.tasks().stream()
                            .allMatch(task -> "RUNNING".equals(task.state()) && !lostAddress.equals(task.workerId()))) {
                        return false;
                    }
                }
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
        return Duration.between(lostAt, Instant.now());
    }

    private List<TopicPartitionInfo> partitions() {
        return call(admin -> {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<TopicPartitionInfo> partitions = new ArrayList<>();
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).values()) {
                partitions.addAll(topic.partitions());
            }
            return partitions;
        });
    }

    private ConnectClient anyWorker() {
        return workers.values().iterator().next();
    }

    /** {@code host:port} of the worker, as Connect's statuses name it ({@code worker_id}). */
    private static String address(ConnectClient worker) {
        return worker == null ? "" : worker.baseUri().getHost() + ":" + worker.baseUri().getPort();
    }

    private interface AdminCall<T> {
        T apply(Admin admin) throws Exception;
    }

    private synchronized <T> T call(AdminCall<T> call) {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MS);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT_MS);
            admin = Admin.create(properties);
        }
        try {
            return call.apply(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka cluster did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
