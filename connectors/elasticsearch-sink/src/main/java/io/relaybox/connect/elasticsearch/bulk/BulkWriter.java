package io.relaybox.connect.elasticsearch.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connect.elasticsearch.client.BulkClient;
import io.relaybox.connect.elasticsearch.client.DocumentWrite;
import io.relaybox.connect.elasticsearch.client.ItemResult;
import io.relaybox.connect.elasticsearch.client.RequestFailedException;
import io.relaybox.connect.elasticsearch.offset.TrackedRecord;
import io.relaybox.connect.support.Backoff;
import io.relaybox.connect.support.Sleeper;
import io.relaybox.connect.support.WriteMetrics;

/**
 * Groups documents into bulk requests (by count, bytes and linger time) and sends them on up to
 * {@code maxInFlight} threads. A request retries its transient failures (no answer, HTTP 408/429/5xx, rejected items)
 * with exponential backoff and jitter until they succeed: nothing is dropped. Each finished request becomes a
 * {@link BatchOutcome} that the task thread collects; a failure that retrying cannot fix (401, 403, ...) stops the
 * writer and is rethrown to the task.
 */
public final class BulkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

    private final BulkClient client;
    private final BulkSettings settings;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final WriteMetrics metrics;
    private final ExecutorService senders;
    private final BlockingQueue<BatchOutcome> outcomes = new LinkedBlockingQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<RequestFailedException> failure = new AtomicReference<>();
    private volatile boolean closed;

    private List<BatchEntry> batch = new ArrayList<>();
    private long batchBytes;
    private long batchStartedNanos;

    public BulkWriter(BulkClient client, BulkSettings settings, WriteMetrics metrics) {
        this(client, settings, new Backoff(settings.backoffInitial(), settings.backoffMax()), Sleeper.system(), System::nanoTime, metrics);
    }

    // visible for testing: time and waiting are injected
    public BulkWriter(BulkClient client, BulkSettings settings, Backoff backoff, Sleeper sleeper, LongSupplier nanoTime) {
        this(client, settings, backoff, sleeper, nanoTime, WriteMetrics.none());
    }

    BulkWriter(BulkClient client, BulkSettings settings, Backoff backoff, Sleeper sleeper, LongSupplier nanoTime, WriteMetrics metrics) {
        this.metrics = metrics;
        this.client = client;
        this.settings = settings;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "relaybox-es-bulk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds a document of the record; sends the current request first when the document would not fit. */
    public void add(DocumentWrite write, TrackedRecord record) {
        int size = write.sizeInBytes();
        if (!batch.isEmpty() && (batch.size() >= settings.maxRecords() || batchBytes + size > settings.maxBytes())) {
            send();
        }
        if (batch.isEmpty()) {
            batchStartedNanos = nanoTime.getAsLong();
        }
        batch.add(new BatchEntry(write, record));
        batchBytes += size;
        if (batch.size() >= settings.maxRecords()) {
            send();
        }
    }

    /** Sends the current request when its first document has waited for {@code linger}. */
    public void sendIfLingered() {
        if (!batch.isEmpty() && nanoTime.getAsLong() - batchStartedNanos >= settings.linger().toNanos()) {
            send();
        }
    }

    /** Sends the current request now, however full. */
    public void send() {
        if (batch.isEmpty()) {
            return;
        }
        List<BatchEntry> entries = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
        inFlight.incrementAndGet();
        senders.execute(() -> execute(entries));
    }

    /** Outcomes that are ready, without waiting. */
    public List<BatchOutcome> drain() {
        List<BatchOutcome> ready = new ArrayList<>();
        outcomes.drainTo(ready);
        return ready;
    }

    /** Waits up to {@code timeout} for the next outcome. */
    public Optional<BatchOutcome> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(outcomes.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Requests sent whose outcome the task has not collected yet, plus the one being filled. */
    public boolean isIdle() {
        return inFlight.get() == 0 && outcomes.isEmpty() && batch.isEmpty();
    }

    /** Requests sent and not finished. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The failure that stopped the writer, if one did. */
    public Optional<RequestFailedException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops sending: requests that are retrying give up (their records stay unacknowledged, so their offsets uncommitted). */
    @Override
    public void close() {
        closed = true;
        senders.shutdownNow();
        try {
            if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("bulk requests still running 10 s after the sink task stopped; they are abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void execute(List<BatchEntry> entries) {
        List<BatchEntry> acknowledged = new ArrayList<>(entries.size());
        List<BatchOutcome.Rejection> rejected = new ArrayList<>();
        List<BatchEntry> remaining = entries;
        int retry = 0;
        try {
            while (!remaining.isEmpty()) {
                if (closed || failure.get() != null) {
                    return;
                }
                List<ItemResult> results;
                long sent = nanoTime.getAsLong();
                try {
                    results = client.bulk(remaining.stream().map(BatchEntry::write).toList());
                } catch (RequestFailedException e) {
                    metrics.requestTook(TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - sent));
                    if (!e.isTransient()) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    metrics.retried();
                    retry++;
                    Duration wait = backoff.delay(retry);
                    log.warn("{}; retry {} of {} documents in {} ms", e.getMessage(), retry, remaining.size(), wait.toMillis());
                    sleeper.sleep(wait);
                    continue;
                }
                metrics.requestTook(TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - sent));
                List<BatchEntry> again = new ArrayList<>();
                ItemResult firstTransient = null;
                for (int i = 0; i < remaining.size(); i++) {
                    BatchEntry entry = remaining.get(i);
                    ItemResult result = results.get(i);
                    switch (result.outcome(entry.write())) {
                        case ACKNOWLEDGED -> acknowledged.add(entry);
                        case PERMANENT -> rejected.add(new BatchOutcome.Rejection(entry, result));
                        case TRANSIENT -> {
                            again.add(entry);
                            firstTransient = firstTransient == null ? result : firstTransient;
                        }
                    }
                }
                remaining = again;
                if (!again.isEmpty()) {
                    metrics.retried();
                    retry++;
                    Duration wait = backoff.delay(retry);
                    log.warn("Elasticsearch rejected {} of the documents for now ({}); retry {} in {} ms", again.size(),
                            firstTransient.describe(), retry, wait.toMillis());
                    sleeper.sleep(wait);
                }
            }
            metrics.written(acknowledged.size());
            outcomes.add(new BatchOutcome(acknowledged, rejected));
        } catch (InterruptedException e) {
            // closing: the records stay unacknowledged
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, RequestFailedException.of("a bulk request", e));
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
