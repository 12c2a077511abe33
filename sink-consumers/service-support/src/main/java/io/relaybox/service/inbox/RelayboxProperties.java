package io.relaybox.service.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code relaybox.*} properties of a consuming service: its instance, its Kafka cluster and its inbox consumer. */
@ConfigurationProperties("relaybox")
public class RelayboxProperties {

    /**
     * This instance's name, unique among the instances of the service (e.g. inventory-service-2): the Kafka client id
     * (prefixed with the consumer name unless it starts with it). Default: the process id.
     */
    private String instanceId;

    private final Kafka kafka = new Kafka();

    private final Inbox inbox = new Inbox();

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Kafka getKafka() {
        return kafka;
    }

    public Inbox getInbox() {
        return inbox;
    }

    /** The Kafka cluster. */
    public static class Kafka {

        /** The Kafka cluster to consume from and to send dead letters to (bootstrap.servers), e.g. 127.0.0.1:19092. */
        private String bootstrapServers;

        public String getBootstrapServers() {
            return bootstrapServers;
        }

        public void setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }
    }

    /** The inbox consumer. */
    public static class Inbox {

        /** Whether the service consumes events at all; false serves HTTP only. */
        private boolean enabled = true;

        /** The consumer group; default the inbox's consumer name (outbox.inbox.consumer). Instances share it. */
        private String groupId;

        /** The topics consumed; dead letters of each go to {@code <topic>.dlq}. */
        private List<String> topics = new ArrayList<>(List.of("orders.events"));

        /**
         * Test hook for crash tests: while this file exists, the consumer pauses after each database commit and before
         * committing the Kafka offsets, creates {@code <file>.paused}, and waits until the file is deleted. Unset: no
         * hook, no cost.
         */
        private String pauseBeforeOffsetCommit;

        /** The longest a poll waits for records. */
        private Duration pollTimeout = Duration.ofSeconds(1);

        /** The first delay before retrying a record after a transient failure (database down, deadlock). */
        private Duration retryBackoff = Duration.ofMillis(100);

        /** The longest delay between retries of a record. */
        private Duration retryBackoffMax = Duration.ofSeconds(30);

        /** How long shutdown waits for the record in hand, the last offset commit and leaving the group. */
        private Duration closeTimeout = Duration.ofSeconds(20);

        /**
         * Further Kafka consumer settings, e.g. {@code relaybox.inbox.consumer-properties[session.timeout.ms]=10000}
         * (how soon the partitions of a killed instance move to the others; Kafka's default is 45 s).
         */
        private Map<String, String> consumerProperties = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public String getPauseBeforeOffsetCommit() {
            return pauseBeforeOffsetCommit;
        }

        public void setPauseBeforeOffsetCommit(String pauseBeforeOffsetCommit) {
            this.pauseBeforeOffsetCommit = pauseBeforeOffsetCommit;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }

        public Duration getRetryBackoff() {
            return retryBackoff;
        }

        public void setRetryBackoff(Duration retryBackoff) {
            this.retryBackoff = retryBackoff;
        }

        public Duration getRetryBackoffMax() {
            return retryBackoffMax;
        }

        public void setRetryBackoffMax(Duration retryBackoffMax) {
            this.retryBackoffMax = retryBackoffMax;
        }

        public Duration getCloseTimeout() {
            return closeTimeout;
        }

        public void setCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }

        public Map<String, String> getConsumerProperties() {
            return consumerProperties;
        }

        public void setConsumerProperties(Map<String, String> consumerProperties) {
            this.consumerProperties = consumerProperties;
        }
    }
}
