package io.relaybox.connect.s3archive.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 proxy between Kafka Connect and the S3 server: passes requests through (one per connection, the Host
 * header untouched so that signatures stay valid), counts object writes per key, and on demand answers every request
 * with 503 SlowDown or 429 instead, as a throttled S3 would.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {
        PASS, SLOW_DOWN_503, TOO_MANY_REQUESTS_429
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger faults = new AtomicInteger();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> parts = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.PASS;

    FaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
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
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream()); OutputStream out = client.getOutputStream()) {
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            long length = 0;
            boolean expectContinue = false;
            List<String> forwarded = new ArrayList<>();
            for (String header : head.subList(1, head.size())) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                    case "connection" -> {
                        continue;
                    }
                    case "transfer-encoding" -> throw new IOException("chunked requests are not supported by this proxy");
                    default -> {
                    }
                }
                if (!name.equals("expect")) {
                    forwarded.add(header);
                }
            }
            Mode current = mode;
            if (current != Mode.PASS) {
                faults.incrementAndGet();
                if (!expectContinue) {
                    in.readNBytes((int) length);
                }
                String status = current == Mode.SLOW_DOWN_503 ? "503 Service Unavailable" : "429 Too Many Requests";
                String code = current == Mode.SLOW_DOWN_503 ? "SlowDown" : "TooManyRequests";
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>Please reduce your request rate.</Message></Error>").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return;
            }
            if (expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] body = in.readNBytes((int) length);
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                OutputStream up = upstream.getOutputStream();
                StringBuilder request = new StringBuilder(requestLine).append("\r\n");
                forwarded.forEach(h -> request.append(h).append("\r\n"));
                request.append("Connection: close\r\n\r\n");
                up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                upstream.getInputStream().transferTo(response);
                byte[] bytes = response.toByteArray();
                out.write(bytes);
                out.flush();
                countWrite(requestLine, new String(bytes, 0, Math.min(bytes.length, 16), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // the client went away; it retries
        }
    }

    private void countWrite(String requestLine, String statusLine) {
        if (!statusLine.startsWith("HTTP/1.1 200")) {
            return;
        }
        String[] request = requestLine.split(" ");
        String method = request[0];
        String target = request[1];
        String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String path = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8); // the SDK escapes '+' and '='

        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        boolean wholeObject = method.equals("PUT") && query.isEmpty();
        boolean multipartComplete = method.equals("POST") && query.startsWith("uploadId=");
        boolean part = method.equals("PUT") && query.contains("partNumber=") && query.contains("uploadId=");
        if (wholeObject || multipartComplete) {
            writes.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        } else if (part) {
            parts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(c);
            }
            previous = c;
        }
        return List.of();
    }
}
