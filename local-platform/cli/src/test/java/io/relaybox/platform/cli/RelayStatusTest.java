package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** {@code status} lists the outbox sources the embedded relay runs, as its status endpoint reports them. */
class RelayStatusTest {

    @Test
    void listsEachRelayedConnectorWithItsStateAndWhatItPublished() throws IOException {
        HttpServer relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/status", exchange -> {
            byte[] body = ("{\"connectors\":{\"orders-outbox-source\":{\"state\":\"RUNNING\",\"published\":204},"
                    + "\"payment-outbox-source\":{\"state\":\"FAILED\",\"published\":7,\"failure\":\"slot in use\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        relay.start();
        try {
            List<Map<String, Object>> rows = StatusCommand.relayConnectors("http://127.0.0.1:" + relay.getAddress().getPort() + "/status");

            assertThat(rows).extracting(row -> row.get("name") + " " + row.get("state") + " " + row.get("tasks")).containsExactly(
                    "orders-outbox-source RUNNING relay: published 204",
                    "payment-outbox-source FAILED relay: published 7, failed: slot in use");
        } finally {
            relay.stop(0);
        }
    }

    @Test
    void saysWhenTheRelayDoesNotAnswer() {
        assertThat(StatusCommand.relayConnectors("http://127.0.0.1:1/status")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("name", "(relay)").containsEntry("state", "UNREACHABLE"));
    }
}
