package io.relaybox.connect.elasticsearch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.relaybox.connect.elasticsearch.bulk.BatchEntry;
import io.relaybox.connect.elasticsearch.bulk.BatchOutcome;
import io.relaybox.connect.elasticsearch.bulk.BulkSettings;
import io.relaybox.connect.elasticsearch.bulk.BulkWriter;
import io.relaybox.connect.elasticsearch.client.BulkClient;
import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.client.ElasticsearchBulkClient;
import io.relaybox.connect.elasticsearch.client.ElasticsearchClients;
import io.relaybox.connect.elasticsearch.client.IndexTemplates;
import io.relaybox.connect.elasticsearch.client.RequestFailedException;
import io.relaybox.connect.elasticsearch.convert.DocumentConverter;
import io.relaybox.connect.elasticsearch.convert.DocumentMode;
import io.relaybox.connect.elasticsearch.convert.MalformedEventException;
import io.relaybox.connect.elasticsearch.offset.OffsetTracker;
import io.relaybox.connect.elasticsearch.offset.TrackedRecord;
import io.relaybox.connect.support.PluginVersion;
import io.relaybox.connect.support.WriteMetrics;

/**
 * Indexes outbox records: converts each into its documents, hands them to the {@link BulkWriter}, and commits an
 * offset only once Elasticsearch acknowledged every document up to it (or the record went to the errant-record
 * reporter). Transient failures are retried in the background; while Elasticsearch is down the task keeps at most
 * {@code max.buffered.records} records and then lets Connect pause and redeliver.
 */
public final class ElasticsearchSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkTask.class);

    private ElasticsearchSinkConnectorConfig config;
    private ElasticsearchClient client;
    private BulkClient bulkClient;
    private DocumentConverter converter;
    private OffsetTracker offsets;
    private BulkWriter writer;
    private RecordFailures failures;
    private boolean templatesInstalled;
    private ConnectException pendingFailure;

    public ElasticsearchSinkTask() {
    }

    // visible for testing: a fake cluster instead of a client
    ElasticsearchSinkTask(BulkClient bulkClient) {
        this.bulkClient = bulkClient;
    }

    @Override
    public String version() {
        return PluginVersion.of(ElasticsearchSinkConnector.class);
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ElasticsearchSinkConnectorConfig(props);
        if (bulkClient == null) {
            client = ElasticsearchClients.create(config.connectionSettings());
            bulkClient = new ElasticsearchBulkClient(client);
        }
        templatesInstalled = !config.installIndexTemplates() || client == null;
        converter = new DocumentConverter(config.conversionSettings());
        offsets = new OffsetTracker();
        writer = new BulkWriter(bulkClient, new BulkSettings(config.bulkMaxRecords(), config.bulkMaxBytes(), config.linger(),
                config.maxInFlightRequests(), config.retryBackoffInitial(), config.retryBackoffMax()),
                WriteMetrics.of(context, "bulk", "Elasticsearch"));
        failures = new RecordFailures(errantRecordReporter(), config.toleratesRecordErrors(), config.behaviorOnMalformedPayload());
        log.info("Elasticsearch sink task started: {} into {}<topic> and {}", config.connectionUrls(), config.indexPrefix(), config.ordersIndex());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        throwIfFailed();
        settle(writer.drain());
        throwIfFailed();
        if (records.isEmpty()) {
            writer.sendIfLingered();
            return;
        }
        installTemplatesOnce();
        awaitCapacity();
        for (SinkRecord record : records) {
            List<DocumentWrite> writes;
            try {
                writes = converter.convert(record);
            } catch (MalformedEventException e) {
                failures.malformed(record, e);
                offsets.track(record, 0);
                continue;
            }
            TrackedRecord tracked = offsets.track(record, writes.size());
            for (DocumentWrite write : writes) {
                writer.add(write, tracked);
            }
        }
        writer.sendIfLingered();
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (writer == null) {
            return Map.of();
        }
        try {
            writer.send();
            awaitIdle(config.flushTimeout());
        } catch (ConnectException e) {
            // Connect ignores exceptions from preCommit: keep it for the next put(), which fails the task
            pendingFailure = e;
        }
        return offsets.committable();
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (writer == null) {
            return;
        }
        try {
            writer.send();
            awaitIdle(config.flushTimeout());
        } catch (ConnectException e) {
            pendingFailure = e;
        }
        offsets.remove(partitions);
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
        }
        ElasticsearchClients.close(client);
        client = null;
    }

    private void throwIfFailed() {
        Optional<RequestFailedException> failed = writer.failure();
        if (failed.isPresent()) {
            throw new ConnectException(failed.get().getMessage(), failed.get());
        }
        if (pendingFailure != null) {
            throw pendingFailure;
        }
    }

    /** Settles the documents of finished requests: acknowledged ones, and refused ones through the reporter. */
    private void settle(List<BatchOutcome> outcomes) {
        for (BatchOutcome outcome : outcomes) {
            for (BatchEntry entry : outcome.acknowledged()) {
                entry.record().settleWrite();
            }
            for (BatchOutcome.Rejection rejection : outcome.rejected()) {
                TrackedRecord record = rejection.entry().record();
                if (!record.isOwned()) {
                    continue;
                }
                if (!record.isReported()) {
                    failures.rejected(record.record(), rejection.entry().write(), rejection.result());
                    record.markReported();
                }
                record.settleWrite();
            }
        }
    }

    /** Waits (processing outcomes) until every sent request finished, or the timeout passed. */
    private void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        settle(writer.drain());
        while (writer.inFlight() > 0 && writer.failure().isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.info("{} bulk requests still retrying after {} ms; their offsets are committed later", writer.inFlight(), timeout.toMillis());
                return;
            }
            poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(100).toNanos())));
        }
        settle(writer.drain());
    }

    /**
     * Waits while the task holds {@code max.buffered.records} unsettled records. When Elasticsearch makes no room within
     * {@code flush.timeout.ms}, none of the records is taken: Connect pauses the partitions and redelivers them later.
     */
    private void awaitCapacity() {
        if (offsets.unsettled() < config.maxBufferedRecords()) {
            return;
        }
        writer.send();
        long deadline = System.nanoTime() + config.flushTimeout().toNanos();
        while (offsets.unsettled() >= config.maxBufferedRecords()) {
            throwIfFailed();
            if (System.nanoTime() >= deadline) {
                context.timeout(config.retryBackoffMax().toMillis());
                throw new RetriableException(offsets.unsettled() + " records wait for Elasticsearch (max.buffered.records="
                        + config.maxBufferedRecords() + "); the batch is redelivered in " + config.retryBackoffMax().toMillis() + " ms");
            }
            poll(Duration.ofMillis(100));
        }
    }

    private void poll(Duration timeout) {
        try {
            writer.poll(timeout).ifPresent(outcome -> settle(List.of(outcome)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for Elasticsearch", e);
        }
        settle(writer.drain());
    }

    /** Before the first document, so that no index is created with dynamic mappings. */
    private void installTemplatesOnce() {
        if (templatesInstalled) {
            return;
        }
        try {
            List<String> names = IndexTemplates.install(client, config.documentMode() == DocumentMode.KEYED_JSON
                    ? IndexTemplates.figures(config.indexPrefix())
                    : IndexTemplates.bundled(config.indexPrefix(), config.ordersIndex()));
            log.info("installed the index templates {}", names);
            templatesInstalled = true;
        } catch (RequestFailedException e) {
            if (!e.isTransient()) {
                throw new ConnectException(e.getMessage(), e);
            }
            context.timeout(config.retryBackoffMax().toMillis());
            throw new RetriableException(e.getMessage(), e);
        }
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            // a worker older than Kafka 2.6
            return null;
        }
    }
}
