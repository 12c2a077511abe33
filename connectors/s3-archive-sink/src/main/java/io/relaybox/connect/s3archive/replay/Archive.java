package io.relaybox.connect.s3archive.replay;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

import io.relaybox.connect.s3archive.format.ArchivedRecord;
import io.relaybox.connect.s3archive.format.ObjectReader;
import io.relaybox.connect.s3archive.partition.ObjectKey;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;

/** The archive under one key prefix of a bucket, as the sink writes it: its topics, objects and records. */
public final class Archive {

    private final ObjectStore store;
    private final String prefix;
    private final Retrier retrier;

    /**
     * @param prefix the sink's {@code s3.prefix}, without leading or trailing slash; empty for none
     */
    public Archive(ObjectStore store, String prefix, Retrier retrier) {
        this.store = store;
        this.prefix = prefix;
        this.retrier = retrier;
    }

    public ObjectStore store() {
        return store;
    }

    public String prefix() {
        return prefix;
    }

    /** The topics that have objects. */
    public List<String> topics() {
        String start = prefix.isEmpty() ? "" : prefix + "/";
        return retrier.call("list topics of s3://" + store.bucket() + "/" + start, () -> store.commonPrefixes(start)).stream()
                .map(p -> p.substring(start.length(), p.length() - 1)).toList();
    }

    /** The dates (UTC, of record time) that have objects of the topic, ascending. */
    public List<LocalDate> dates(String topic) {
        String topicPrefix = ObjectKey.topicPrefix(prefix, topic);
        return retrier.call("list dates of " + topicPrefix, () -> store.commonPrefixes(topicPrefix)).stream()
                .map(ObjectKey::dateOfPrefix).flatMap(Optional::stream).sorted().toList();
    }

    /**
     * The topic's objects, ordered by partition and first offset.
     *
     * @param partition only this partition, or every one
     * @param from only dates from this one (inclusive), or all
     * @param to only dates up to this one (inclusive), or all
     */
    public List<ArchiveObject> objects(String topic, Optional<Integer> partition, Optional<LocalDate> from, Optional<LocalDate> to) {
        List<ArchiveObject> result = new ArrayList<>();
        for (LocalDate date : dates(topic)) {
            if (from.isPresent() && date.isBefore(from.get()) || to.isPresent() && date.isAfter(to.get())) {
                continue;
            }
            String listed = partition.map(p -> ObjectKey.partitionPrefix(prefix, topic, date, p))
                    .orElse(ObjectKey.datePrefix(prefix, topic, date));
            for (ObjectStore.StoredObject o : retrier.call("list " + listed, () -> store.list(listed))) {
                ObjectKey.parse(prefix, o.key()).filter(k -> k.topic().equals(topic))
                        .ifPresent(k -> result.add(new ArchiveObject(k, o.size(), o.lastModified())));
            }
        }
        result.sort(Comparator.comparingInt((ArchiveObject o) -> o.key().partition()).thenComparingLong(o -> o.key().firstOffset()));
        return result;
    }

    /** Every object of the topic. */
    public List<ArchiveObject> objects(String topic) {
        return objects(topic, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Hands the object's records to the consumer, in offset order. */
    public void read(ArchiveObject object, Consumer<ArchivedRecord> consumer) {
        readLines(object, (record, line) -> consumer.accept(record));
    }

    /** Hands the object's records to the consumer with their line numbers in the object (1-based), in offset order. */
    public void readLines(ArchiveObject object, ObjIntConsumer<ArchivedRecord> consumer) {
        String key = object.key().key();
        InputStream in = retrier.call("GET s3://" + store.bucket() + "/" + key, () -> store.get(key));
        ObjectReader.forEachLine(in, "s3://" + store.bucket() + "/" + key, consumer);
    }

    /** The object's records, in offset order. */
    public List<ArchivedRecord> read(ArchiveObject object) {
        List<ArchivedRecord> records = new ArrayList<>();
        read(object, records::add);
        return records;
    }
}
