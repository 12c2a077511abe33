package io.relaybox.relay;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /status} on loopback: every relayed connector's state and progress, as JSON; HTTP 200 when every one is
 * RUNNING, else 503 (what the platform waits for, and what {@code ./platform status} shows).
 */
final class StatusServer implements AutoCloseable {

    private final HttpServer server;

    StatusServer(int port, List<RelayedConnector> connectors) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/status", exchange -> answer(exchange, connectors));
        server.start();
    }

    private static void answer(HttpExchange exchange, List<RelayedConnector> connectors) throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        boolean running = true;
        for (RelayedConnector connector : connectors) {
            status.put(connector.name(), connector.progress().view());
            running &= connector.progress().state() == ConnectorProgress.State.RUNNING;
        }
        byte[] body = JsonMapper.shared().writeValueAsString(Map.of("connectors", status)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(running ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
