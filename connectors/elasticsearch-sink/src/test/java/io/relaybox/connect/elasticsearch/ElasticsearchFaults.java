package io.relaybox.connect.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;

import io.relaybox.platform.FaultProxy;
import io.relaybox.platform.FaultProxy.Fault;

/**
 * The test kit's fault proxy in front of Elasticsearch (plain HTTP in, HTTPS out) that, while armed, answers in turn:
 * 429 (es_rejected_execution_exception, not forwarded), 503 (not forwarded), and 503 after forwarding (Elasticsearch
 * did the work, the answer is lost).
 */
final class ElasticsearchFaults implements AutoCloseable {

    private static final String TOO_MANY_REQUESTS = "{\"error\":{\"root_cause\":[{\"type\":\"es_rejected_execution_exception\","
            + "\"reason\":\"rejected execution of coordinating operation\"}],\"type\":\"es_rejected_execution_exception\","
            + "\"reason\":\"rejected execution of coordinating operation\"},\"status\":429}";

    private final FaultProxy proxy;
    private final AtomicLong armedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong pendingWindowNanos = new AtomicLong();
    private final AtomicInteger turn = new AtomicInteger();
    final AtomicInteger tooManyRequests = new AtomicInteger();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger lostAnswers = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    ElasticsearchFaults(URI elasticsearch, SSLContext trust) throws IOException {
        this.proxy = FaultProxy.toTls(elasticsearch.getPort(), trust);
        proxy.plan(request -> armed() ? nextFault() : Fault.PASS);
        proxy.observe(exchange -> forwarded.incrementAndGet());
    }

    String url() {
        return proxy.endpoint();
    }

    /** Injects faults for the duration, starting with the next request (so that a slow machine cannot miss the window). */
    void failFor(Duration window) {
        pendingWindowNanos.set(window.toNanos());
    }

    int faults() {
        return tooManyRequests.get() + unavailable.get() + lostAnswers.get();
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }

    private boolean armed() {
        long window = pendingWindowNanos.getAndSet(0);
        if (window > 0) {
            armedUntilNanos.set(System.nanoTime() + window);
        }
        return System.nanoTime() - armedUntilNanos.get() < 0;
    }

    private Fault nextFault() {
        return switch (turn.getAndIncrement() % 3) {
            case 0 -> {
                tooManyRequests.incrementAndGet();
                yield Fault.answer(429, "application/json", TOO_MANY_REQUESTS);
            }
            case 1 -> {
                unavailable.incrementAndGet();
                yield Fault.answer(503, "text/plain", "upstream unavailable");
            }
            default -> {
                lostAnswers.incrementAndGet();
                yield Fault.loseAnswer(503, "text/plain", "answer lost");
            }
        };
    }
}
