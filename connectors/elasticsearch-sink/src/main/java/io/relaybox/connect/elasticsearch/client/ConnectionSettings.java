package io.relaybox.connect.elasticsearch.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.config.types.Password;

/**
 * How to reach Elasticsearch. Secrets stay {@link Password}s, whose {@code toString()} hides them.
 *
 * @param urls the nodes, all http or all https
 * @param username user of HTTP basic authentication, with {@code password}
 * @param password its password
 * @param apiKey an encoded API key (base64 of id:key), instead of a user
 * @param caCertificate PEM file of the CA certificate(s) to trust
 * @param truststore trust store file, instead of {@code caCertificate}
 * @param truststorePassword its password
 * @param truststoreType PKCS12 or JKS
 * @param hostnameVerification whether a node's certificate must name its host
 * @param connectTimeout TCP connect timeout
 * @param readTimeout how long one request may take
 * @param maxConnections connections kept per node
 */
public record ConnectionSettings(List<URI> urls, Optional<String> username, Optional<Password> password, Optional<Password> apiKey,
        Optional<String> caCertificate, Optional<String> truststore, Optional<Password> truststorePassword, String truststoreType,
        boolean hostnameVerification, Duration connectTimeout, Duration readTimeout, int maxConnections) {

    public ConnectionSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch URL");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
    }

    /** Plain settings for code and tests: no authentication, no TLS trust material, default timeouts. */
    public static ConnectionSettings of(List<URI> urls) {
        return new ConnectionSettings(urls, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "PKCS12", true, Duration.ofSeconds(5), Duration.ofSeconds(60), 4);
    }

    /** The same with HTTP basic authentication. */
    public ConnectionSettings withBasicAuth(String user, String secret) {
        return new ConnectionSettings(urls, Optional.of(user), Optional.of(new Password(secret)), Optional.empty(), caCertificate, truststore,
                truststorePassword, truststoreType, hostnameVerification, connectTimeout, readTimeout, maxConnections);
    }

    /** The same, trusting the CA certificate(s) of the PEM file. */
    public ConnectionSettings trusting(String caCertificateFile) {
        return new ConnectionSettings(urls, username, password, apiKey, Optional.of(caCertificateFile), Optional.empty(), Optional.empty(),
                truststoreType, hostnameVerification, connectTimeout, readTimeout, maxConnections);
    }

    /** The same with other timeouts. */
    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(urls, username, password, apiKey, caCertificate, truststore, truststorePassword, truststoreType,
                hostnameVerification, connect, read, maxConnections);
    }

    public boolean usesTls() {
        return "https".equalsIgnoreCase(urls.get(0).getScheme());
    }
}
