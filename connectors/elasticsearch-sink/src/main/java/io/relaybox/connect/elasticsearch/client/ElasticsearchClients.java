package io.relaybox.connect.elasticsearch.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

/**
 * Builds the Elasticsearch Java client of a connection: one low-level REST client over all URLs, credentials sent
 * preemptively (basic or API key, so no request is sent twice), TLS trust from the settings.
 */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** A new client; close it with {@link #close(ElasticsearchClient)}. */
    public static ElasticsearchClient create(ConnectionSettings settings) {
        List<HttpHost> hosts = new ArrayList<>();
        for (URI url : settings.urls()) {
            hosts.add(new HttpHost(url.getHost(), url.getPort() < 0 ? 9200 : url.getPort(), url.getScheme().toLowerCase(java.util.Locale.ROOT)));
        }
        RestClientBuilder builder = RestClient.builder(hosts.toArray(HttpHost[]::new))
                .setDefaultHeaders(authorization(settings))
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.readTimeout().toMillis()))
                .setHttpClientConfigCallback(http -> {
                    http.setMaxConnPerRoute(settings.maxConnections() + 2).setMaxConnTotal((settings.maxConnections() + 2) * hosts.size());
                    if (settings.usesTls()) {
                        http.setSSLContext(TlsContexts.of(settings));
                        if (!settings.hostnameVerification()) {
                            http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                        }
                    }
                    return http;
                });
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(new ObjectMapper())));
    }

    /** Closes the client's connections. */
    public static void close(ElasticsearchClient client) {
        if (client == null) {
            return;
        }
        try {
            client._transport().close();
        } catch (IOException e) {
            // nothing to do: the connections are gone either way
        }
    }

    private static Header[] authorization(ConnectionSettings settings) {
        if (settings.apiKey().isPresent()) {
            return new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + settings.apiKey().get().value().trim())};
        }
        if (settings.username().isPresent()) {
            String secret = settings.password().map(p -> p.value()).orElse("");
            String token = Base64.getEncoder().encodeToString((settings.username().get() + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)};
        }
        return new Header[0];
    }
}
