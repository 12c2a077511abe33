package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The client's HTTP handling against a scripted HTTP server on loopback; retries pause through a recording sleeper. */
class RestTransportTest {

    private record Answer(int status, String body) {
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Duration> pauses = new ArrayList<>();
    private HttpServer server;
    private ConnectClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Answer answer = answers.isEmpty() ? new Answer(500, "{\"message\":\"no answer scripted\"}") : answers.poll();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        client = ConnectClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), pauses::add);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesARebalanceWithGrowingPauses() {
        answers.add(new Answer(409, "{\"error_code\":409,\"message\":\"Cannot complete request momentarily due to stale configuration\"}"));
        answers.add(new Answer(409, "{\"error_code\":409,\"message\":\"rebalance\"}"));
        answers.add(new Answer(201, "{\"name\":\"c\",\"config\":{},\"tasks\":[]}"));

        assertThat(client.putConfig(new ConnectorDefinition("c", java.util.Map.of("a", "b")))).isTrue();
        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retriesTheServerErrorOfAnExpectedRebalance() {
        answers.add(new Answer(500, "{\"error_code\":500,\"message\":\"Request cannot be completed because a rebalance is expected\"}"));
        answers.add(new Answer(200, "{\"connector.class\":\"X\",\"name\":\"c\"}"));

        assertThat(client.config("c")).hasValueSatisfying(config -> assertThat(config).containsEntry("connector.class", "X"));
        assertThat(pauses).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void reportsOtherServerErrorsAtOnce() {
        answers.add(new Answer(500, "{\"error_code\":500,\"message\":\"boom\"}"));

        assertThatThrownBy(() -> client.config("c")).hasMessage("GET /connectors/c/config: the worker failed (500): boom");
        assertThat(pauses).isEmpty();
    }

    @Test
    void givesUpOnAnEndlessRebalanceWithOneClearLine() {
        for (int i = 0; i <= RestTransport.REBALANCE_RETRIES; i++) {
            answers.add(new Answer(409, "{\"error_code\":409,\"message\":\"Request cannot be completed because a rebalance is expected\"}"));
        }

        assertThatThrownBy(() -> client.pause("c")).isInstanceOf(ConnectRestException.class)
                .hasMessage("PUT /connectors/c/pause: the worker group is still rebalancing after 8 retries (409): Request cannot be "
                        + "completed because a rebalance is expected; try again when the workers settled");
        assertThat(pauses).hasSize(RestTransport.REBALANCE_RETRIES).last().isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void explainsAnAuthenticationFailureOnOneLine() {
        answers.add(new Answer(401, ""));

        assertThatThrownBy(client::connectors).isInstanceOf(ConnectRestException.class)
                .hasMessage("GET /connectors: authentication failed (401): wrong or missing user and password")
                .extracting(e -> ((ConnectRestException) e).status()).isEqualTo(401);
    }

    @Test
    void putsAMultiLineWorkerMessageOnOneLine() {
        answers.add(new Answer(400, "{\"error_code\":400,\"message\":\"Connector configuration is invalid and contains the following 1 "
                + "error(s):\\nInvalid value x for configuration tasks.max\\nYou can also find the above list\"}"));

        assertThatThrownBy(() -> client.putConfig(new ConnectorDefinition("c", java.util.Map.of())))
                .hasMessage("PUT /connectors/c/config: bad request (400): Connector configuration is invalid and contains the following "
                        + "1 error(s): Invalid value x for configuration tasks.max; You can also find the above list");
    }

    @Test
    void saysWhenTheWorkerIsUnreachable() {
        server.stop(0);

        assertThatThrownBy(client::connectors).isInstanceOf(ConnectRestException.class)
                .hasMessageStartingWith("the Connect worker at " + client.baseUri() + " is unreachable");
    }
}
