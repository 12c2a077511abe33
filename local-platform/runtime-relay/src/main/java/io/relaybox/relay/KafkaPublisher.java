package io.relaybox.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;

/**
 * Sends each batch the engine hands over to Kafka and marks it processed only once Kafka acknowledged every record of
 * it (acks=all, idempotent producer): the engine then commits the batch's last source offset. A record Kafka refuses
 * fails the batch unmarked, and the engine stops; the relay exits and, restarted, sends again from the last committed
 * offset. So nothing committed in the database is lost, and a crash between the acknowledgement and the offset commit
 * sends a batch twice (at least once; consumers skip a repeated event id).
 */
final class KafkaPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private final Producer<byte[], byte[]> producer;
    private final RecordConversion conversion;
    private final TopicCreation topics;
    private final ConnectorProgress progress;

    KafkaPublisher(Producer<byte[], byte[]> producer, RecordConversion conversion, TopicCreation topics, ConnectorProgress progress) {
        this.producer = producer;
        this.conversion = conversion;
        this.topics = topics;
        this.progress = progress;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records, DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> event : records) {
            SourceRecord record = event.record();
            topics.ensure(record.topic());
            acknowledgements.add(producer.send(conversion.toProducerRecord(record)));
        }
        producer.flush();
        for (int i = 0; i < acknowledgements.size(); i++) {
            try {
                acknowledgements.get(i).get();
            } catch (ExecutionException e) {
                SourceRecord record = records.get(i).record();
                throw new RelayException("Kafka did not take a record for " + record.topic() + " (" + e.getCause() + "); the batch stays"
                        + " uncommitted and is sent again after a restart", e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> event : records) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        progress.published(records.size());
    }
}
