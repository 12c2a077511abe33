package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The nodes of a cluster share a static quorum, and every topic they hold is replicated as the shape says. */
class KafkaClusterConfigurationTest {

    private static final List<KafkaBroker.Node> NODES = List.of(new KafkaBroker.Node(1, 9092, 9093), new KafkaBroker.Node(2, 9094, 9095),
            new KafkaBroker.Node(3, 9096, 9097));

    @Test
    void eachNodeOfAThreeNodeClusterVotesInOneStaticQuorumUnderItsOwnId() {
        String configuration = node(NODES.get(1)).configuration();

        assertThat(configuration).contains("node.id=2\n")
                .contains("controller.quorum.voters=1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097\n")
                .contains("listeners=PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9095\n")
                .doesNotContain("controller.quorum.bootstrap.servers");
    }

    @Test
    void aThreeNodeClusterKeepsThreeReplicasOfEveryTopicAndWantsTwoInSyncForAWrite() {
        String configuration = node(NODES.get(0)).configuration();

        assertThat(configuration).contains("default.replication.factor=3\n").contains("min.insync.replicas=2\n")
                .contains("offsets.topic.replication.factor=3\n").contains("transaction.state.log.replication.factor=3\n")
                .contains("transaction.state.log.min.isr=2\n");
    }

    @Test
    void aNodeAloneKeepsOneReplicaAndItsDynamicQuorumOfItself() {
        String configuration = new KafkaBroker(Path.of("target/unused-broker"), Path.of("target/unused-classpath"), 9092, 9093,
                Path.of("target/unused.log"), BrokerTimePolicy.TESTS).configuration();

        assertThat(configuration).contains("node.id=1\n").contains("controller.quorum.bootstrap.servers=127.0.0.1:9093\n")
                .contains("default.replication.factor=1\n").contains("min.insync.replicas=1\n");
    }

    @Test
    void aClusterNodeIsNamedAfterItsIdAndClientsBootstrapFromEveryNode() {
        List<KafkaBroker> brokers = NODES.stream().map(KafkaClusterConfigurationTest::node).toList();
        KafkaCluster cluster = new KafkaCluster(brokers, new ClusterShape(3, 2));

        assertThat(brokers).extracting(broker -> broker.process().name()).containsExactly("kafka", "kafka-2", "kafka-3");
        assertThat(brokers).allSatisfy(broker -> assertThat(ClusterShape.brokerNode(broker.process().name())).isEqualTo(broker.nodeId()));
        assertThat(cluster.bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(cluster.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void theNodesOfAClusterNeedTheFileOfTheirSharedId() {
        assertThatThrownBy(() -> new KafkaBroker(Path.of("target/unused"), Path.of("target/unused"), NODES.get(0), NODES, null,
                Path.of("target/unused.log"), BrokerTimePolicy.TESTS, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share an id");
    }

    @Test
    void theShapeOfTheRunningProcessesIsReadFromTheirNames() {
        assertThat(ClusterShape.ofProcesses(List.of("postgres", "kafka", "kafka-2", "kafka-3", "connect", "connect-2")))
                .isEqualTo(new ClusterShape(3, 2));
        assertThat(ClusterShape.ofProcesses(List.of("postgres", "kafka", "connect"))).isEqualTo(ClusterShape.SINGLE);
        assertThat(new ClusterShape(2, 1).minInsyncReplicas()).isEqualTo(1);
        assertThatThrownBy(() -> new ClusterShape(4, 1)).hasMessageContaining("brokers must be 1 to 3");
    }

    private static KafkaBroker node(KafkaBroker.Node node) {
        return new KafkaBroker(Path.of("target/unused-" + node.id()), Path.of("target/unused-classpath"), node, NODES,
                Path.of("target/unused-cluster.id"), Path.of("target/unused.log"), BrokerTimePolicy.TESTS, null);
    }
}
