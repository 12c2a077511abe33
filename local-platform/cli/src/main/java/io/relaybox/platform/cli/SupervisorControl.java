package io.relaybox.platform.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.relaybox.platform.PlatformException;
import io.relaybox.platform.PlatformSupervisor;
import io.relaybox.platform.ProcessStatus;
import io.relaybox.platform.Secrets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor's control API on loopback, for the commands {@code restart}, {@code stop}, {@code start}, {@code kill},
 * {@code up} and {@code down}: every request carries the run folder's token in {@value #TOKEN_HEADER}.
 *
 * <pre>
 * GET  /states                          every process: state, pid, restarts
 * POST /processes/NAME/start|stop|restart
 * POST /processes/NAME/kill?signal=KILL|TERM
 * POST /start-missing                   starts what does not run
 * POST /shutdown                        stops every process, then the supervisor
 * </pre>
 */
final class SupervisorControl implements AutoCloseable {

    static final String TOKEN_HEADER = "X-Relaybox-Token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final byte[] token;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private volatile PlatformSupervisor supervisor;

    private SupervisorControl(HttpServer server, String token) {
        this.server = server;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The token of the run folder's supervisor, kept in its secrets. */
    static String token(Path runFolder) {
        return Secrets.in(runFolder).password("supervisor.token");
    }

    /** Listens on a free loopback port; requests for processes wait for {@link #serve(PlatformSupervisor)}. */
    static SupervisorControl start(Path runFolder) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SupervisorControl control = new SupervisorControl(server, token(runFolder));
            server.createContext("/", control::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "relaybox-supervisor-control");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return control;
        } catch (IOException e) {
            throw new PlatformException("cannot open the supervisor's control port: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    void serve(PlatformSupervisor platformSupervisor) {
        this.supervisor = platformSupervisor;
    }

    /** Blocks until {@code POST /shutdown}. */
    void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String presented = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 401, Map.of("error", "wrong or missing " + TOKEN_HEADER));
                return;
            }
            String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post && path.length == 1 && path[0].equals("shutdown")) {
                respond(exchange, 200, Map.of("message", "the supervisor stops every process and exits"));
                shutdownRequested.countDown();
                return;
            }
            PlatformSupervisor current = supervisor;
            if (current == null) {
                respond(exchange, 503, Map.of("error", "the supervisor is still starting the platform; try again when ./platform up is done"));
                return;
            }
            if (!post && path.length == 1 && path[0].equals("states")) {
                respond(exchange, 200, states(current));
            } else if (post && path.length == 1 && path[0].equals("start-missing")) {
                respond(exchange, 200, Map.of("message", startMissing(current)));
            } else if (post && path.length == 3 && path[0].equals("processes")) {
                respond(exchange, 200, Map.of("message", act(current, path[1], path[2], exchange.getRequestURI())));
            } else {
                respond(exchange, 404, Map.of("error", "no such request: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()));
            }
        } catch (PlatformException | IllegalArgumentException e) {
            respond(exchange, 409, Map.of("error", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            respond(exchange, 500, Map.of("error", e.toString()));
        }
    }

    private static String act(PlatformSupervisor supervisor, String name, String action, URI uri) {
        ProcessStatus status = switch (action) {
            case "start" -> supervisor.start(name);
            case "stop" -> {
                supervisor.stop(name);
                yield supervisor.state(name);
            }
            case "restart" -> supervisor.restart(name);
            case "kill" -> supervisor.kill(name, signal(uri));
            default -> throw new IllegalArgumentException("no action " + action + "; there are start, stop, restart, kill");
        };
        String pid = status.pid().map(p -> ", pid " + p).orElse("");
        return switch (action) {
            case "kill" -> name + " is " + status.describe() + pid + "; the supervisor restarts it (restarts so far: " + status.restarts() + ")";
            default -> name + " is " + status.describe() + pid;
        };
    }

    private static PlatformSupervisor.DrillSignal signal(URI uri) {
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String signal = query.startsWith("signal=") ? query.substring("signal=".length()) : "KILL";
        return PlatformSupervisor.DrillSignal.valueOf(signal);
    }

    private static String startMissing(PlatformSupervisor supervisor) {
        var missing = supervisor.states().values().stream().filter(s -> s.state() != io.relaybox.platform.ProcessState.RUNNING)
                .map(ProcessStatus::name).toList();
        supervisor.startMissing();
        return missing.isEmpty() ? "every process runs" : "started " + String.join(", ", missing);
    }

    private static Map<String, Object> states(PlatformSupervisor supervisor) {
        Map<String, Object> states = new LinkedHashMap<>();
        supervisor.states().forEach((name, status) -> states.put(name, Map.of("state", status.describe(),
                "pid", status.pid().orElse(0L), "restarts", status.restarts())));
        return states;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
