package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.relaybox.platform.FaultProxy.Fault;

class FaultProxyTest {

    private final AtomicInteger served = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer upstream;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        upstream.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = ("got " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " at "
                    + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        proxy = FaultProxy.to(upstream.getAddress().getPort());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        upstream.stop(0);
    }

    @Test
    void passesRequestsAndAnswersThroughAndShowsThemToObservers() throws Exception {
        List<FaultProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        proxy.observe(seen::add);

        HttpResponse<String> response = put("/bucket/key?partNumber=1", "abc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("got abc at /bucket/key?partNumber=1");
        assertThat(seen).containsExactly(new FaultProxy.Exchange(new FaultProxy.Request("PUT", "/bucket/key?partNumber=1"), 200));
        assertThat(seen.get(0).request().path()).isEqualTo("/bucket/key");
        assertThat(seen.get(0).request().query()).isEqualTo("partNumber=1");
    }

    @Test
    void forwardsAChunkedBodyWhole() throws Exception {
        byte[] body = "chunk one, chunk two".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/_bulk"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("got chunk one, chunk two at /_bulk");
    }

    @Test
    void answersInTheServersPlaceWithoutForwarding() throws Exception {
        proxy.plan(request -> Fault.answer(429, "text/plain", "slow down"));

        HttpResponse<String> response = put("/x", "abc");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("slow down");
        assertThat(served).hasValue(0);
    }

    @Test
    void losesTheAnswerOfARequestTheServerHandled() throws Exception {
        proxy.plan(request -> Fault.loseAnswer(503, "text/plain", "answer lost"));

        HttpResponse<String> response = put("/x", "abc");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(served).hasValue(1);
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(proxy.endpoint() + path)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
