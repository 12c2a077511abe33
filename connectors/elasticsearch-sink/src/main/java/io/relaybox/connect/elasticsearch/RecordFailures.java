package io.relaybox.connect.elasticsearch;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connect.elasticsearch.ElasticsearchSinkConnectorConfig.MalformedPayloadBehavior;
import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.client.ItemResult;
import io.relaybox.connect.elasticsearch.convert.MalformedEventException;
import io.relaybox.connect.support.OutboxHeaders;

/**
 * What happens to a record that cannot be indexed: handed to Connect's errant-record reporter (the dead-letter topic)
 * when {@code errors.tolerance=all}, otherwise the task fails with a message that names the record.
 */
final class RecordFailures {

    private static final Logger log = LoggerFactory.getLogger(RecordFailures.class);

    private final ErrantRecordReporter reporter;
    private final boolean toleratesErrors;
    private final MalformedPayloadBehavior onMalformed;

    /**
     * @param reporter Connect's reporter, or null on a worker without one
     * @param toleratesErrors whether {@code errors.tolerance=all}
     */
    RecordFailures(ErrantRecordReporter reporter, boolean toleratesErrors, MalformedPayloadBehavior onMalformed) {
        this.reporter = reporter;
        this.toleratesErrors = toleratesErrors;
        this.onMalformed = onMalformed;
    }

    /**
     * A record that cannot become a document. Returns when the record was reported or skipped.
     *
     * @throws ConnectException to fail the task
     */
    void malformed(SinkRecord record, MalformedEventException problem) {
        String message = "cannot index the record " + coordinates(record) + ": " + problem.getMessage();
        switch (onMalformed) {
            case IGNORE -> log.warn("{}; skipped (behavior.on.malformed.payload=ignore)", message);
            case FAIL -> throw new ConnectException(message + " (behavior.on.malformed.payload=fail)", problem);
            case REPORT -> report(record, new DataException(message, problem), message);
        }
    }

    /**
     * A document Elasticsearch refused for good. Returns when the record was reported.
     *
     * @throws ConnectException to fail the task
     */
    void rejected(SinkRecord record, DocumentWrite write, ItemResult result) {
        String message = "Elasticsearch refused the document " + write.index() + "/" + write.id() + " of the record " + coordinates(record)
                + ": " + result.describe();
        report(record, new DataException(message), message);
    }

    private void report(SinkRecord record, DataException problem, String message) {
        if (reporter == null || !toleratesErrors) {
            throw new ConnectException(message + " (to send such records to a dead-letter topic instead, set errors.tolerance=all "
                    + "and errors.deadletterqueue.topic.name)", problem);
        }
        log.warn("{}; sent to the errant-record reporter", message);
        reporter.report(record, problem);
    }

    /** e.g. {@code orders.events-3@1234 (event id 0192...)}. */
    static String coordinates(SinkRecord record) {
        String topic = record.originalTopic() != null ? record.originalTopic() : record.topic();
        Integer partition = record.originalKafkaPartition() != null ? record.originalKafkaPartition() : record.kafkaPartition();
        Header id = record.headers().lastWithName(OutboxHeaders.ID);
        Object value = id == null ? null : id.value();
        String eventId = value == null ? "none" : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return topic + "-" + partition + "@" + record.originalKafkaOffset() + " (event id " + eventId + ")";
    }
}
