package io.relaybox.verification.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.relaybox.verification.audit.OccurredAt;
import io.relaybox.verification.audit.OrderEventsReader;

/**
 * Every record in every dead-letter topic (any topic ending in {@code .dlq}: a consumer's {@code <topic>.dlq} and
 * the sink connectors' own), of the events that occurred at or after the run's start. During a verification run
 * nothing should be dead-lettered, so each one is a violation, named with its event id and the reason its headers give
 * (the consumer's {@code relaybox.dlq.*}, Kafka Connect's {@code __connect.errors.*}).
 */
final class DeadLetters {

    static final String SUFFIX = ".dlq";

    private final String bootstrapServers;
    private final Duration timeout;

    DeadLetters(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** One line per dead-lettered record. */
    List<String> since(Instant since) {
        List<String> violations = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            try (OrderEventsReader reader = OrderEventsReader.fromBeginning(bootstrapServers, topic)) {
                boolean complete = reader.readToEnd(record -> {
                    if (!OccurredAt.before(OrderEventsReader.header(record, "occurredat"), since)) {
                        violations.add(describe(topic, record));
                    }
                }, timeout);
                if (!complete) {
                    violations.add("could not read the dead-letter topic " + topic + " to its end in " + timeout);
                }
            }
        }
        return violations;
    }

    /** The record in words: topic, event id and type, who gave up on it and why. */
    static String describe(String topic, ConsumerRecord<String, String> record) {
        String id = OrderEventsReader.header(record, "id");
        String type = OrderEventsReader.header(record, "type");
        String by = first(record, "relaybox.dlq.consumer", "__connect.errors.connector.name");
        String exception = first(record, "relaybox.dlq.exception.class", "__connect.errors.exception.class.name");
        String message = first(record, "relaybox.dlq.exception.message", "__connect.errors.exception.message");
        String reason = exception == null ? "no reason in its headers" : exception + (message == null ? "" : ": " + message);
        return topic + ": event " + (id == null ? "(no id header)" : id) + (type == null ? "" : " (" + type + ")")
                + " dead-lettered" + (by == null ? "" : " by " + by) + " at offset " + record.partition() + "/" + record.offset()
                + ": " + reason;
    }

    private static String first(ConsumerRecord<String, String> record, String... names) {
        for (String name : names) {
            String value = OrderEventsReader.header(record, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private List<String> deadLetterTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(name -> name.endsWith(SUFFIX)).sorted().toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
