package io.relaybox.platform;

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
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

/**
 * One fault-injecting HTTP/1.1 proxy for the tests of everything that talks HTTP to a server of the platform
 * (Elasticsearch, S3, ...): it passes each request through byte for byte (the Host header untouched, so that request
 * signatures stay valid; one request per connection) and, as its {@link FaultPlan} decides per request, answers in the
 * server's place instead (a throttled server: 429, 503) or forwards the request and then loses the server's answer (the
 * work was done, the client cannot know). Observers see every forwarded exchange, e.g. to count object writes.
 */
public final class FaultProxy implements AutoCloseable {

    /** A request as the proxy sees it. */
    public record Request(String method, String target) {

        /** The path without the query, as sent (still URL-encoded). */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        /** The query without the {@code ?}, or empty. */
        public String query() {
            int query = target.indexOf('?');
            return query < 0 ? "" : target.substring(query + 1);
        }
    }

    /** A request the server answered, with the status it answered. */
    public record Exchange(Request request, int status) {
    }

    /** What the proxy does with one request. */
    public sealed interface Fault {

        /** Forward the request, return the server's answer. */
        Fault PASS = new Pass();

        /** Answer in the server's place; the server never sees the request. */
        static Fault answer(int status, String contentType, String body) {
            return new Answer(status, contentType, body, false);
        }

        /** Forward the request (the server does the work), then answer this instead of the server's answer. */
        static Fault loseAnswer(int status, String contentType, String body) {
            return new Answer(status, contentType, body, true);
        }

        /** See {@link #PASS}. */
        record Pass() implements Fault {
        }

        /** See {@link #answer} and {@link #loseAnswer}. */
        record Answer(int status, String contentType, String body, boolean forwardFirst) implements Fault {
        }
    }

    /** Decides, request by request, what the proxy does; called from the proxy's threads. */
    @FunctionalInterface
    public interface FaultPlan {

        /** Passes everything. */
        FaultPlan NONE = request -> Fault.PASS;

        Fault decide(Request request);
    }

    private final String upstreamHost;
    private final int upstreamPort;
    private final SSLContext upstreamTls;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Exchange>> observers = new CopyOnWriteArrayList<>();
    private volatile FaultPlan plan = FaultPlan.NONE;

    private FaultProxy(String upstreamHost, int upstreamPort, SSLContext upstreamTls) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.upstreamTls = upstreamTls;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    /** A plain-HTTP proxy to a plain-HTTP server on loopback. */
    public static FaultProxy to(int upstreamPort) throws IOException {
        return new FaultProxy("127.0.0.1", upstreamPort, null);
    }

    /** A plain-HTTP proxy to an HTTPS server on loopback, trusted through the context. */
    public static FaultProxy toTls(int upstreamPort, SSLContext trust) throws IOException {
        return new FaultProxy("127.0.0.1", upstreamPort, Objects.requireNonNull(trust, "trust"));
    }

    /** {@code http://127.0.0.1:<port>}: where clients send their requests. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Decides from now on what happens to each request. */
    public void plan(FaultPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** Is told of every exchange the server answered (also those whose answer the proxy then lost). */
    public void observe(Consumer<Exchange> observer) {
        observers.add(observer);
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
            String[] parts = requestLine.split(" ");
            Request request = new Request(parts[0], parts.length > 1 ? parts[1] : "/");
            long length = 0;
            boolean chunked = false;
            boolean expectContinue = false;
            List<String> forwarded = new ArrayList<>();
            for (String header : head.subList(1, head.size())) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    default -> {
                    }
                }
                // a chunked body goes on de-chunked, with a Content-Length of its own
                if (!List.of("expect", "connection", "keep-alive", "transfer-encoding").contains(name) && !(chunked && name.equals("content-length"))) {
                    forwarded.add(header);
                }
            }
            Fault fault = plan.decide(request);
            if (fault instanceof Fault.Answer answer && !answer.forwardFirst()) {
                if (!expectContinue) {
                    readBody(in, length, chunked);
                }
                respond(out, answer);
                return;
            }
            if (expectContinue) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            byte[] body = readBody(in, length, chunked);
            if (chunked) {
                forwarded.add("Content-Length: " + body.length);
            }
            byte[] response = forward(requestLine, forwarded, body);
            int status = status(response);
            observers.forEach(o -> o.accept(new Exchange(request, status)));
            if (fault instanceof Fault.Answer lost) {
                respond(out, lost);
            } else {
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away or the server refused; the client retries
        }
    }

    private byte[] forward(String requestLine, List<String> headers, byte[] body) throws IOException {
        try (Socket upstream = upstreamTls == null ? new Socket(upstreamHost, upstreamPort)
                : upstreamTls.getSocketFactory().createSocket(upstreamHost, upstreamPort)) {
            OutputStream up = upstream.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            headers.forEach(h -> request.append(h).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            up.write(body);
            up.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            upstream.getInputStream().transferTo(response);
            return response.toByteArray();
        }
    }

    private static void respond(OutputStream out, Fault.Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + answer.status() + " " + reason(answer.status()) + "\r\nContent-Type: " + answer.contentType()
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Injected";
        };
    }

    private static int status(byte[] response) {
        String line = new String(response, 0, Math.min(response.length, 16), StandardCharsets.ISO_8859_1);
        String[] parts = line.split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] readBody(InputStream in, long length, boolean chunked) throws IOException {
        if (!chunked) {
            return in.readNBytes((int) length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers: dropped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
            previous = c;
        }
        throw new IOException("the client closed the connection in the middle of a line");
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the client closed the connection before a whole head: nothing to answer
            return List.of();
        }
        return lines;
    }
}
