package io.relaybox.connect.s3archive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connect.s3archive.partition.TopicPartitionWriter;
import io.relaybox.connect.s3archive.partition.WriterSettings;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;
import io.relaybox.connect.s3archive.storage.S3ObjectStore;
import io.relaybox.connect.s3archive.storage.S3Settings;
import io.relaybox.connect.s3archive.storage.StorageException;
import io.relaybox.connect.support.PluginVersion;
import io.relaybox.connect.support.WriteMetrics;

/** Routes records to one {@link TopicPartitionWriter} per partition; commits only what S3 has acknowledged. */
public final class S3ArchiveSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(S3ArchiveSinkTask.class);

    private final Function<S3Settings, ObjectStore> stores;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private S3ArchiveSinkConnectorConfig config;
    private ObjectStore store;
    private Retrier retrier;
    private WriterSettings settings;
    private ErrantRecordReporter reporter;
    private boolean lastPutFailed;

    public S3ArchiveSinkTask() {
        this(S3ObjectStore::create);
    }

    // visible for testing: the object store is injected
    S3ArchiveSinkTask(Function<S3Settings, ObjectStore> stores) {
        this.stores = stores;
    }

    @Override
    public String version() {
        return PluginVersion.of(S3ArchiveSinkConnector.class);
    }

    @Override
    public void start(Map<String, String> props) {
        config = new S3ArchiveSinkConnectorConfig(props);
        retrier = config.retrier().withMetrics(WriteMetrics.of(context, "upload", "S3"));
        settings = new WriterSettings(config.prefix(), config.rotationPolicy(), config.recordTimeHeader(), config.gzipLevel(),
                config.partSize(), config.openObjectUploadMs());
        store = stores.apply(config.s3Settings());
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        reporter = errantRecordReporter();
        LOG.info("archiving to s3://{}/{} ({})", config.bucketName(), config.prefix(), config.s3Settings());
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        partitions.forEach(this::writer);
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            TopicPartitionWriter writer = writers.remove(partition);
            if (writer != null) {
                writer.close();
            }
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        boolean redelivery = lastPutFailed;
        lastPutFailed = false;
        Map<TopicPartition, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()), p -> new ArrayList<>())
                    .add(record);
        }
        try {
            for (Map.Entry<TopicPartition, List<SinkRecord>> entry : byPartition.entrySet()) {
                writer(entry.getKey()).write(entry.getValue(), redelivery);
            }
            for (TopicPartitionWriter writer : writers.values()) {
                writer.uploadOpenObjectIfDue();
            }
        } catch (StorageException e) {
            if (!e.isTransient()) {
                throw new ConnectException(e.getMessage(), e);
            }
            lastPutFailed = true;
            context.timeout(config.retryBackoffMax().toMillis());
            throw new RetriableException(e.getMessage() + "; Connect delivers the records again", e);
        }
    }

    /** Per partition, the offset after the last record of the last uploaded object; open objects are not committed. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        for (Map.Entry<TopicPartition, TopicPartitionWriter> entry : writers.entrySet()) {
            try {
                entry.getValue().uploadOpenObjectIfDue();
            } catch (StorageException e) {
                // a failure here would make Connect rewind every partition: retried on the next put or commit instead
                LOG.warn("{}: uploading the open object failed, trying again later: {}", entry.getKey(), e.getMessage());
            }
            long offset = entry.getValue().committableOffset();
            if (offset >= 0) {
                committable.put(entry.getKey(), new OffsetAndMetadata(offset));
            }
        }
        return committable;
    }

    @Override
    public void stop() {
        writers.values().forEach(TopicPartitionWriter::close);
        writers.clear();
        if (store != null) {
            store.close();
        }
    }

    private TopicPartitionWriter writer(TopicPartition partition) {
        return writers.computeIfAbsent(partition, p -> new TopicPartitionWriter(p, settings, store, retrier,
                (tp, offset) -> context.offset(tp, offset), this::reportErrant, System::currentTimeMillis));
    }

    private void ensureBucket() {
        String bucket = config.bucketName();
        boolean exists;
        try {
            exists = retrier.call("HEAD bucket " + bucket, store::bucketExists);
        } catch (StorageException e) {
            if (e.isTransient()) {
                throw new RetriableException("cannot reach S3 to check bucket " + bucket + ": " + e.getMessage(), e);
            }
            throw new ConnectException("cannot use bucket " + bucket + ": " + e.getMessage(), e);
        }
        if (!exists) {
            if (!config.bucketCreate()) {
                throw new ConnectException("bucket " + bucket + " does not exist (create it, or set "
                        + S3ArchiveSinkConnectorConfig.S3_BUCKET_CREATE_CONFIG + "=true)");
            }
            retrier.run("create bucket " + bucket, store::createBucket);
            LOG.info("created bucket {}", bucket);
        }
    }

    private void reportErrant(SinkRecord record, Throwable error) {
        if (reporter == null) {
            throw new DataException(error.getMessage() + "; set errors.tolerance=all and errors.deadletterqueue.topic.name to send "
                    + "such records to a dead letter queue", error);
        }
        LOG.warn("{}-{}@{} goes to the errant-record reporter: {}", record.originalTopic(), record.originalKafkaPartition(),
                record.originalKafkaOffset(), error.getMessage());
        reporter.report(record, error);
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }
}
