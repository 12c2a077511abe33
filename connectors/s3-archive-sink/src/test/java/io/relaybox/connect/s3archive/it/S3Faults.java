package io.relaybox.connect.s3archive.it;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.relaybox.platform.FaultProxy;
import io.relaybox.platform.FaultProxy.Fault;

/**
 * The test kit's fault proxy between Kafka Connect and the S3 server, as the archive's tests drive it: on demand every
 * request is answered with 503 SlowDown or 429 instead, as a throttled S3 would, and every object write S3 accepted is
 * counted per key.
 */
public final class S3Faults implements AutoCloseable {

    public enum Mode {
        PASS, SLOW_DOWN_503, TOO_MANY_REQUESTS_429
    }

    private static final String THROTTLED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>%s</Code>"
            + "<Message>Please reduce your request rate.</Message></Error>";

    private final FaultProxy proxy;
    private final AtomicInteger faults = new AtomicInteger();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> parts = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.PASS;

    S3Faults(int s3Port) throws IOException {
        this.proxy = FaultProxy.to(s3Port);
        proxy.plan(request -> switch (mode) {
            case PASS -> Fault.PASS;
            case SLOW_DOWN_503 -> throttled(503, "SlowDown");
            case TOO_MANY_REQUESTS_429 -> throttled(429, "TooManyRequests");
        });
        proxy.observe(this::count);
    }

    public String endpoint() {
        return proxy.endpoint();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int faults() {
        return faults.get();
    }

    /** Completed writes (PUT of a whole object, or completion of a multipart upload) of the path {@code /bucket/key}. */
    public int writes(String path) {
        AtomicInteger n = writes.get(path);
        return n == null ? 0 : n.get();
    }

    /** Parts of multipart uploads ({@code PUT ?partNumber=..&uploadId=..}) that S3 accepted for the path {@code /bucket/key}. */
    public int parts(String path) {
        AtomicInteger n = parts.get(path);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }

    private Fault throttled(int status, String code) {
        faults.incrementAndGet();
        return Fault.answer(status, "application/xml", THROTTLED.formatted(code));
    }

    private void count(FaultProxy.Exchange exchange) {
        if (exchange.status() != 200) {
            return;
        }
        FaultProxy.Request request = exchange.request();
        // the SDK escapes '+' and '='
        String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
        String query = request.query();
        boolean wholeObject = request.method().equals("PUT") && query.isEmpty();
        boolean multipartComplete = request.method().equals("POST") && query.startsWith("uploadId=");
        boolean part = request.method().equals("PUT") && query.contains("partNumber=") && query.contains("uploadId=");
        if (wholeObject || multipartComplete) {
            writes.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        } else if (part) {
            parts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }
    }
}
