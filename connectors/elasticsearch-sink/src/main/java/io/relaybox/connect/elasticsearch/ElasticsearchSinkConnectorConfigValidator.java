package io.relaybox.connect.elasticsearch;

import static io.relaybox.connect.elasticsearch.ElasticsearchSinkConnectorConfig.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.relaybox.connect.elasticsearch.client.ConnectionSettings;
import io.relaybox.connect.elasticsearch.client.ElasticsearchClients;
import io.relaybox.connect.elasticsearch.client.RequestFailedException;

/**
 * The checks {@link org.apache.kafka.common.config.ConfigDef} cannot make: settings that only make sense together,
 * files that must exist, and whether Elasticsearch answers with these credentials. Each problem becomes an error
 * message on the key to change; nothing is thrown.
 */
final class ElasticsearchSinkConnectorConfigValidator {

    private static final Duration PROBE_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PROBE_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> CONNECTION_KEYS = Set.of(CONNECTION_URLS_CONFIG, CONNECTION_USERNAME_CONFIG,
            CONNECTION_PASSWORD_CONFIG, CONNECTION_API_KEY_CONFIG, SSL_CA_CERTIFICATE_LOCATION_CONFIG, SSL_TRUSTSTORE_LOCATION_CONFIG,
            SSL_TRUSTSTORE_PASSWORD_CONFIG, SSL_TRUSTSTORE_TYPE_CONFIG);

    /**
     * A problem found by asking the cluster.
     *
     * @param key the setting to change
     * @param message what is wrong
     */
    record Problem(String key, String message) {
    }

    private final Map<String, String> props;
    private final Function<ConnectionSettings, Optional<Problem>> reachability;

    // visible for testing: the cluster probe is injected
    ElasticsearchSinkConnectorConfigValidator(Map<String, String> props, Function<ConnectionSettings, Optional<Problem>> reachability) {
        this.props = props;
        this.reachability = reachability;
    }

    static ElasticsearchSinkConnectorConfigValidator forConfig(Map<String, String> props) {
        return new ElasticsearchSinkConnectorConfigValidator(props, ElasticsearchSinkConnectorConfigValidator::probe);
    }

    /** Adds error messages to the config values of {@code Connector.validate()}. */
    void validate(Config result) {
        Map<String, ConfigValue> values = new HashMap<>();
        result.configValues().forEach(v -> values.put(v.name(), v));
        if (ElasticsearchSinkConnectorConfig.CONFIG_DEF.names().stream().map(values::get)
                .anyMatch(v -> v != null && !v.errorMessages().isEmpty())) {
            // a setting of ours is invalid on its own: the combined checks would only repeat it
            return;
        }
        ElasticsearchSinkConnectorConfig config;
        try {
            config = new ElasticsearchSinkConnectorConfig(props);
        } catch (ConfigException e) {
            return;
        }
        checkCredentials(config, values);
        checkTls(config, values);
        checkLimits(config, values);
        checkIndices(config, values);
        boolean connectionValid = CONNECTION_KEYS.stream().map(values::get)
                .allMatch(v -> v == null || v.errorMessages().isEmpty());
        if (connectionValid) {
            reachability.apply(config.connectionSettings()).ifPresent(p -> error(values, p.key(), p.message()));
        }
    }

    private static void checkCredentials(ElasticsearchSinkConnectorConfig config, Map<String, ConfigValue> values) {
        if (config.username().isPresent() && config.password().isEmpty()) {
            error(values, CONNECTION_PASSWORD_CONFIG, "connection.username is set: give its password too");
        }
        if (config.username().isEmpty() && config.password().isPresent()) {
            error(values, CONNECTION_USERNAME_CONFIG, "connection.password is set: give the user too");
        }
        if (config.apiKey().isPresent() && config.username().isPresent()) {
            error(values, CONNECTION_API_KEY_CONFIG, "use either connection.api.key or connection.username and connection.password, not both");
        }
    }

    private static void checkTls(ElasticsearchSinkConnectorConfig config, Map<String, ConfigValue> values) {
        Set<String> schemes = config.connectionUrls().stream().map(u -> u.getScheme().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (schemes.size() > 1) {
            error(values, CONNECTION_URLS_CONFIG, "mixes http:// and https:// URLs: use one scheme for all nodes");
            return;
        }
        boolean https = schemes.contains("https");
        if (config.caCertificateLocation().isPresent() && config.truststoreLocation().isPresent()) {
            error(values, SSL_TRUSTSTORE_LOCATION_CONFIG, "give either connection.ssl.ca.certificate.location or a trust store, not both");
        }
        for (String key : List.of(SSL_CA_CERTIFICATE_LOCATION_CONFIG, SSL_TRUSTSTORE_LOCATION_CONFIG)) {
            String file = config.getString(key);
            if (file == null) {
                continue;
            }
            if (!https) {
                error(values, key, "applies to https:// URLs only, but connection.urls are http://");
            } else if (!Files.isReadable(Path.of(file))) {
                error(values, key, "no readable file " + file + " on this worker");
            }
        }
        if (config.truststorePassword().isPresent() && config.truststoreLocation().isEmpty()) {
            error(values, SSL_TRUSTSTORE_PASSWORD_CONFIG, "is set, but connection.ssl.truststore.location is not");
        }
    }

    private static void checkOrdersTopicsMatch(ElasticsearchSinkConnectorConfig config, Map<String, ConfigValue> values, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            error(values, ORDERS_TOPICS_CONFIG, "cannot be checked: topics.regex is not a regular expression (" + e.getDescription() + ")");
            return;
        }
        // Kafka matches topics.regex against the whole topic name
        List<String> unmatched = config.ordersTopics().stream().filter(t -> !pattern.matcher(t).matches()).sorted().toList();
        if (!unmatched.isEmpty()) {
            error(values, ORDERS_TOPICS_CONFIG, "names topics that topics.regex does not match: " + String.join(", ", unmatched));
        }
    }

    private static void checkLimits(ElasticsearchSinkConnectorConfig config, Map<String, ConfigValue> values) {
        if (config.retryBackoffInitial().compareTo(config.retryBackoffMax()) > 0) {
            error(values, RETRY_BACKOFF_MAX_MS_CONFIG, "must be at least retry.backoff.initial.ms (" + config.retryBackoffInitial().toMillis() + ")");
        }
        if (config.bulkMaxRecords() > config.maxBufferedRecords()) {
            error(values, MAX_BUFFERED_RECORDS_CONFIG, "must be at least bulk.max.records (" + config.bulkMaxRecords() + ")");
        }
    }

    private void checkIndices(ElasticsearchSinkConnectorConfig config, Map<String, ConfigValue> values) {
        if (config.ordersIndex().startsWith(config.indexPrefix())) {
            error(values, ORDERS_INDEX_CONFIG, "must not start with index.prefix (" + config.indexPrefix()
                    + "): the event indices' template would claim it");
        }
        // keyed figure documents have no orders index: orders.topics does not apply to them
        boolean outbox = config.documentMode() == io.relaybox.connect.elasticsearch.convert.DocumentMode.OUTBOX;
        String regex = props.get(TOPICS_REGEX_CONFIG);
        if (outbox && regex != null && !regex.isBlank()) {
            checkOrdersTopicsMatch(config, values, regex);
        }
        String topics = props.get(TOPICS_CONFIG);
        if (topics == null || topics.isBlank()) {
            return;
        }
        List<String> consumed = Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        List<String> missing = config.ordersTopics().stream().filter(t -> !consumed.contains(t)).sorted().toList();
        if (outbox && !missing.isEmpty()) {
            error(values, ORDERS_TOPICS_CONFIG, "names topics the connector does not read (add them to topics): " + String.join(", ", missing));
        }
        for (String topic : consumed) {
            int length = (config.indexPrefix() + topic).getBytes(StandardCharsets.UTF_8).length;
            if (length > 255) {
                error(values, INDEX_PREFIX_CONFIG, "the index of topic " + topic + " would be longer than Elasticsearch's 255 bytes");
            }
        }
    }

    /**
     * Asks the cluster for its health ({@code GET /_cluster/health}: every distribution has it, unlike {@code GET /},
     * which lives in a module some leave out); a refusal or no answer is a problem of the key to change.
     */
    static Optional<Problem> probe(ConnectionSettings settings) {
        ElasticsearchClient client = null;
        String where = settings.urls().stream().map(URI::toString).collect(Collectors.joining(", "));
        try {
            client = ElasticsearchClients.create(settings.withTimeouts(PROBE_CONNECT_TIMEOUT, PROBE_READ_TIMEOUT));
            client.cluster().health();
            return Optional.empty();
        } catch (Exception e) {
            RequestFailedException failure = RequestFailedException.of("asking Elasticsearch at " + where, e);
            int status = failure.status().orElse(0);
            if (status == 401) {
                String key = settings.apiKey().isPresent() ? CONNECTION_API_KEY_CONFIG : CONNECTION_USERNAME_CONFIG;
                return Optional.of(new Problem(key, "Elasticsearch at " + where + " refuses these credentials (HTTP 401)"));
            }
            if (status == 403) {
                // the user may write indices without the monitor privilege that the health request needs
                return Optional.empty();
            }
            String hint = hasCause(e, SSLException.class) ? " (check the https:// trust: connection.ssl.*)" : "";
            return Optional.of(new Problem(CONNECTION_URLS_CONFIG, "cannot reach Elasticsearch: " + failure.getMessage() + hint));
        } finally {
            ElasticsearchClients.close(client);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void error(Map<String, ConfigValue> values, String key, String message) {
        ConfigValue value = values.computeIfAbsent(key, ConfigValue::new);
        value.addErrorMessage(message);
    }
}
