package io.relaybox.outbox.inbox.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code outbox.inbox.*} properties of the inbox's Kafka consumer. The inbox itself ({@code outbox.inbox.enabled},
 * {@code outbox.inbox.consumer}) is configured by the outbox starter; the Kafka cluster is {@code
 * spring.kafka.bootstrap-servers} and the consumer group {@code spring.kafka.consumer.group-id}.
 */
@ConfigurationProperties("outbox.inbox")
public class InboxConsumerProperties {

    /** Whether to start the Kafka consumer of the inbox; false keeps the inbox but consumes nothing (HTTP only). */
    private boolean consumerEnabled = true;

    /**
     * This instance's name, unique among the instances of the service (e.g. inventory-service-2), used as the Kafka
     * client id (prefixed with the consumer name unless it starts with it); default the process id.
     */
    private String instanceId;

    /** The topics consumed; dead letters of each go to {@code <topic>.dlq}. */
    private List<String> topics = new ArrayList<>(List.of("orders.events"));

    /** The longest a poll waits for records. */
    private Duration pollTimeout = Duration.ofSeconds(1);

    /**
     * The most records of one partition applied in one database transaction (one commit for all of them); 1 applies
     * each in its own. A batch with a record that fails or would be parked is rolled back and its records go one by one,
     * so raise it only when every effect of the handlers is in the database transaction, and not when the handlers of
     * several instances lock the same rows: a batch holds its locks across events in no fixed order, and they deadlock.
     */
    private int maxBatch = 1;

    /** The first delay before retrying a record after a transient failure (database down, deadlock). */
    private Duration retryBackoff = Duration.ofMillis(100);

    /** The longest delay between retries of a record. */
    private Duration retryBackoffMax = Duration.ofSeconds(30);

    /** How long shutdown waits for the record in hand, the last offset commit and leaving the group. */
    private Duration closeTimeout = Duration.ofSeconds(20);

    /**
     * Further Kafka consumer settings, e.g. {@code outbox.inbox.consumer-properties[session.timeout.ms]=10000}
     * (how soon the partitions of a killed instance move to the others; Kafka's default is 45 s).
     */
    private Map<String, String> consumerProperties = new LinkedHashMap<>();

    public boolean isConsumerEnabled() {
        return consumerEnabled;
    }

    public void setConsumerEnabled(boolean consumerEnabled) {
        this.consumerEnabled = consumerEnabled;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public List<String> getTopics() {
        return topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
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
