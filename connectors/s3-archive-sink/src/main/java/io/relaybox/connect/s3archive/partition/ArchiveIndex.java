package io.relaybox.connect.s3archive.partition;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.relaybox.connect.s3archive.format.ObjectReader;
import io.relaybox.connect.s3archive.storage.ObjectStore;
import io.relaybox.connect.s3archive.storage.Retrier;

/**
 * Finds the archived object that holds an offset, so that a task which starts in the middle of an object (an offset
 * reset to an arbitrary offset) rewinds to the object's first offset and rewrites it whole instead of writing an
 * overlapping object. Looks at the newest dates first; reads an object only when it is the partition's last one.
 */
final class ArchiveIndex {

    private final ObjectStore store;
    private final Retrier retrier;
    private final String prefix;

    ArchiveIndex(ObjectStore store, Retrier retrier, String prefix) {
        this.store = store;
        this.retrier = retrier;
        this.prefix = prefix;
    }

    /** The first offset of the object that holds the offset, or the offset itself when no object does. */
    long startOfObjectContaining(String topic, int partition, long offset) {
        String topicPrefix = ObjectKey.topicPrefix(prefix, topic);
        List<LocalDate> dates = new ArrayList<>(retrier.call("list " + topicPrefix, () -> store.commonPrefixes(topicPrefix)).stream()
                .map(ObjectKey::dateOfPrefix).flatMap(Optional::stream).toList());
        dates.sort(Comparator.reverseOrder());
        long nextStart = Long.MAX_VALUE; // the lowest first offset above the offset, among the dates seen
        for (LocalDate date : dates) {
            String listed = ObjectKey.partitionPrefix(prefix, topic, date, partition);
            long candidate = -1;
            for (ObjectStore.StoredObject o : retrier.call("list " + listed, () -> store.list(listed))) {
                Optional<ObjectKey> key = ObjectKey.parse(prefix, o.key());
                if (key.isEmpty()) {
                    continue;
                }
                long first = key.get().firstOffset();
                if (first <= offset) {
                    candidate = Math.max(candidate, first);
                } else {
                    nextStart = Math.min(nextStart, first);
                }
            }
            if (candidate == offset) {
                return offset;
            }
            if (candidate >= 0) {
                if (nextStart != Long.MAX_VALUE) {
                    return candidate; // between two objects: inside the earlier one (or a hole after it, rewritten alike)
                }
                return lastOffset(new ObjectKey(prefix, topic, date, partition, candidate)) >= offset ? candidate : offset;
            }
        }
        return offset;
    }

    private long lastOffset(ObjectKey key) {
        InputStream in = retrier.call("GET " + key, () -> store.get(key.key()));
        long[] last = {-1};
        ObjectReader.forEach(in, key.key(), r -> last[0] = r.offset());
        return last[0];
    }
}
