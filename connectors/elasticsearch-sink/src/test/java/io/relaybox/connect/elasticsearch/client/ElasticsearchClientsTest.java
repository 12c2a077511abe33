package io.relaybox.connect.elasticsearch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** The client against a fake Elasticsearch: what it sends, and how it classifies what comes back. */
class ElasticsearchClientsTest {

    private static final String INFO = "{\"name\":\"n\",\"cluster_name\":\"c\",\"cluster_uuid\":\"u\",\"tagline\":\"You Know, for Search\","
            + "\"version\":{\"number\":\"8.19.21\",\"build_flavor\":\"default\",\"build_type\":\"zip\",\"build_hash\":\"x\","
            + "\"build_date\":\"2026-01-01T00:00:00Z\",\"build_snapshot\":false,\"lucene_version\":\"9.12.2\","
            + "\"minimum_wire_compatibility_version\":\"7.17.0\",\"minimum_index_compatibility_version\":\"7.0.0\"}}";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = INFO;
    private volatile String contentType = "application/json";
    private ElasticsearchClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        ElasticsearchClients.close(client);
        server.stop(0);
    }

    @Test
    void sendsBasicCredentialsWithTheFirstRequest() throws IOException {
        client = ElasticsearchClients.create(settings().withBasicAuth("relaybox", "s3cret"));

        client.info();

        assertThat(authorizations).containsExactly("Basic cmVsYXlib3g6czNjcmV0");
    }

    @Test
    void sendsTheApiKey() throws IOException {
        ConnectionSettings base = settings();
        client = ElasticsearchClients.create(new ConnectionSettings(base.urls(), Optional.empty(), Optional.empty(),
                Optional.of(new Password("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==")), Optional.empty(), Optional.empty(),
                Optional.empty(), "PKCS12", true, base.connectTimeout(), base.readTimeout(), 2));

        client.info();

        assertThat(authorizations).containsExactly("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    @Test
    void hidesSecretsInTheSettingsText() {
        assertThat(settings().withBasicAuth("relaybox", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void treatsTooManyRequestsAndUnavailableAsTransient() {
        client = ElasticsearchClients.create(settings());
        BulkClient bulk = new ElasticsearchBulkClient(client);

        respond(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"rejected execution\"},\"status\":429}",
                "application/json");
        assertThatThrownBy(() -> bulk.bulk(List.of(write()))).isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.status()).hasValue(429);
        });

        respond(503, "Service Unavailable", "text/plain");
        assertThatThrownBy(() -> bulk.bulk(List.of(write()))).isInstanceOfSatisfying(RequestFailedException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.status()).hasValue(503);
        });
    }

    @Test
    void treatsRefusedCredentialsAsPermanent() {
        client = ElasticsearchClients.create(settings());
        respond(401, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"},\"status\":401}", "application/json");

        assertThatThrownBy(() -> new ElasticsearchBulkClient(client).bulk(List.of(write())))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> assertThat(e.isTransient()).isFalse())
                .hasMessageContaining("HTTP 401").hasMessageContaining("connection.username");
    }

    @Test
    void treatsARefusedConnectionAsTransient() {
        int port = server.getAddress().getPort();
        server.stop(0);
        client = ElasticsearchClients.create(ConnectionSettings.of(List.of(URI.create("http://127.0.0.1:" + port))));

        assertThatThrownBy(() -> new ElasticsearchBulkClient(client).bulk(List.of(write())))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void readsPerDocumentResults() {
        client = ElasticsearchClients.create(settings());
        respond(200, "{\"took\":3,\"errors\":true,\"items\":[{\"index\":{\"_index\":\"orders\",\"_id\":\"o-1\",\"status\":409,"
                + "\"error\":{\"type\":\"version_conflict_engine_exception\",\"reason\":\"version conflict\"}}},"
                + "{\"index\":{\"_index\":\"orders\",\"_id\":\"o-2\",\"_version\":7,\"result\":\"created\",\"status\":201}}]}", "application/json");

        List<ItemResult> results = new ElasticsearchBulkClient(client).bulk(List.of(write(), write()));

        assertThat(results).containsExactly(new ItemResult(409, "version_conflict_engine_exception", "version conflict"), ItemResult.ok(201));
    }

    private ConnectionSettings settings() {
        return ConnectionSettings.of(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
    }

    private void respond(int newStatus, String newBody, String newContentType) {
        status = newStatus;
        body = newBody;
        contentType = newContentType;
    }

    private static DocumentWrite write() {
        return new DocumentWrite("orders", "o-1", OptionalLong.of(7), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
