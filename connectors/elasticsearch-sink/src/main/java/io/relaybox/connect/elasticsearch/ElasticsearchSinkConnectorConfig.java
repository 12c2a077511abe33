package io.relaybox.connect.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import io.relaybox.connect.elasticsearch.client.ConnectionSettings;
import io.relaybox.connect.elasticsearch.convert.OrderVersionSource;
import io.relaybox.connect.elasticsearch.convert.ConversionSettings;
import io.relaybox.connect.elasticsearch.convert.DocumentMode;

/** The settings of the Elasticsearch sink: one {@link ConfigDef}, the user documentation of every key. */
public final class ElasticsearchSinkConnectorConfig extends AbstractConfig {

    static final String CONNECTION_GROUP = "Connection";
    static final String SECURITY_GROUP = "Security";
    static final String INDEXING_GROUP = "Indexing";
    static final String BULK_GROUP = "Bulk and memory";
    static final String RETRY_GROUP = "Retries";

    public static final String CONNECTION_URLS_CONFIG = "connection.urls";
    public static final String CONNECTION_USERNAME_CONFIG = "connection.username";
    public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
    public static final String CONNECTION_API_KEY_CONFIG = "connection.api.key";
    public static final String CONNECTION_TIMEOUT_MS_CONFIG = "connection.timeout.ms";
    public static final String READ_TIMEOUT_MS_CONFIG = "read.timeout.ms";

    public static final String SSL_CA_CERTIFICATE_LOCATION_CONFIG = "connection.ssl.ca.certificate.location";
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "connection.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "connection.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "connection.ssl.truststore.type";
    public static final String SSL_HOSTNAME_VERIFICATION_CONFIG = "connection.ssl.hostname.verification";

    public static final String DOCUMENT_MODE_CONFIG = "document.mode";
    public static final String INDEX_PREFIX_CONFIG = "index.prefix";
    public static final String ORDERS_INDEX_CONFIG = "orders.index";
    public static final String ORDERS_TOPICS_CONFIG = "orders.topics";
    public static final String ORDERS_EVENT_TYPES_CONFIG = "orders.event.types";
    public static final String ORDERS_VERSION_SOURCE_CONFIG = "orders.version.source";
    public static final String INDEX_TEMPLATES_INSTALL_CONFIG = "index.templates.install";
    public static final String BEHAVIOR_ON_MALFORMED_PAYLOAD_CONFIG = "behavior.on.malformed.payload";

    public static final String BULK_MAX_RECORDS_CONFIG = "bulk.max.records";
    public static final String BULK_MAX_BYTES_CONFIG = "bulk.max.bytes";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String MAX_IN_FLIGHT_REQUESTS_CONFIG = "max.in.flight.requests";
    public static final String MAX_BUFFERED_RECORDS_CONFIG = "max.buffered.records";
    public static final String FLUSH_TIMEOUT_MS_CONFIG = "flush.timeout.ms";

    public static final String RETRY_BACKOFF_INITIAL_MS_CONFIG = "retry.backoff.initial.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";

    /** Connect's own key (not ours): whether per-record errors may be skipped and sent to the dead-letter topic. */
    static final String ERRORS_TOLERANCE_CONFIG = "errors.tolerance";
    /** Connect's own key: the topics the sink reads (when not given by {@code topics.regex}). */
    static final String TOPICS_CONFIG = "topics";
    /** Connect's own key: the pattern of the topics the sink reads, matched against whole topic names. */
    static final String TOPICS_REGEX_CONFIG = "topics.regex";

    public static final String DEFAULT_INDEX_PREFIX = "events-";
    public static final String DEFAULT_ORDERS_INDEX = "orders";

    /** What to do with a record whose payload is not a JSON object or whose outbox headers are missing or wrong. */
    public enum MalformedPayloadBehavior {
        /** Hand it to the errant-record reporter (dead-letter topic) when {@code errors.tolerance=all}, else fail the task. */
        REPORT,
        /** Fail the task, naming the record. */
        FAIL,
        /** Log a warning naming the record and skip it. */
        IGNORE
    }

    public static final ConfigDef CONFIG_DEF = configDef();

    public ElasticsearchSinkConnectorConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(CONNECTION_URLS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Validators.httpUrls(), Importance.HIGH,
                "Elasticsearch HTTP endpoints, comma-separated, all http:// or all https://, e.g. https://es-1:9200,https://es-2:9200. "
                        + "Requests are spread over them; a node that fails is skipped for a while.",
                CONNECTION_GROUP, ++order, Width.LONG, "Elasticsearch URLs");
        def.define(CONNECTION_USERNAME_CONFIG, Type.STRING, null, Validators.optionalNonBlank(), Importance.HIGH,
                "User for HTTP basic authentication; together with connection.password. Leave empty for an API key or no authentication.",
                CONNECTION_GROUP, ++order, Width.MEDIUM, "User");
        def.define(CONNECTION_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.HIGH,
                "Password of connection.username. Give a config-provider reference such as ${env:RELAYBOX_ELASTICSEARCH_PASSWORD}, never the secret itself.",
                CONNECTION_GROUP, ++order, Width.MEDIUM, "Password");
        def.define(CONNECTION_API_KEY_CONFIG, Type.PASSWORD, null, Importance.HIGH,
                "API key sent as 'Authorization: ApiKey <value>': the 'encoded' field of Elasticsearch's create-API-key answer "
                        + "(base64 of id:api_key). Excludes connection.username. Give a config-provider reference.",
                CONNECTION_GROUP, ++order, Width.LONG, "API key");
        def.define(CONNECTION_TIMEOUT_MS_CONFIG, Type.INT, 5_000, ConfigDef.Range.between(100, 600_000), Importance.LOW,
                "How long to wait for a TCP connection to a node, in milliseconds.",
                CONNECTION_GROUP, ++order, Width.SHORT, "Connect timeout (ms)");
        def.define(READ_TIMEOUT_MS_CONFIG, Type.INT, 60_000, ConfigDef.Range.between(1_000, 3_600_000), Importance.LOW,
                "How long to wait for the answer to one request, in milliseconds; a timed-out bulk request is retried.",
                CONNECTION_GROUP, ++order, Width.SHORT, "Read timeout (ms)");

        order = 0;
        def.define(SSL_CA_CERTIFICATE_LOCATION_CONFIG, Type.STRING, null, Validators.optionalNonBlank(), Importance.MEDIUM,
                "PEM file of the CA certificate(s) to trust for https:// URLs (e.g. Elasticsearch's http_ca.crt). "
                        + "Excludes connection.ssl.truststore.location; without either, the JVM's default trust store is used.",
                SECURITY_GROUP, ++order, Width.LONG, "CA certificate file");
        def.define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, null, Validators.optionalNonBlank(), Importance.MEDIUM,
                "Trust store file (PKCS12 or JKS) holding the CA certificate(s) to trust for https:// URLs.",
                SECURITY_GROUP, ++order, Width.LONG, "Trust store file");
        def.define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                "Password of the trust store; give a config-provider reference.",
                SECURITY_GROUP, ++order, Width.MEDIUM, "Trust store password");
        def.define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS"),
                Importance.LOW, "Format of the trust store.", SECURITY_GROUP, ++order, Width.SHORT, "Trust store type");
        def.define(SSL_HOSTNAME_VERIFICATION_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                "Whether the node's certificate must name the host of the URL. Turn off only for test clusters.",
                SECURITY_GROUP, ++order, Width.SHORT, "Verify host names");

        order = 0;
        def.define(DOCUMENT_MODE_CONFIG, Type.STRING, DocumentMode.OUTBOX.configValue(),
                ConfigDef.ValidString.in(DocumentMode.OUTBOX.configValue(), DocumentMode.KEYED_JSON.configValue()), Importance.MEDIUM,
                "What a record is. 'outbox': an outbox event (id, type, occurredat headers; JSON payload) indexed into "
                        + "'<index.prefix><topic>' and, for an order event, the order's document. 'keyed-json': a document of figures "
                        + "from a compacted topic (analytics.*): the key is the document id, the value (a JSON object) the document, "
                        + "indexed into '<index.prefix><the topic's name after its first dot>' (analytics.revenue-per-hour with the "
                        + "prefix 'analytics-' goes to analytics-revenue-per-hour); a later record of the key replaces the document, "
                        + "and the orders.* settings do not apply.",
                INDEXING_GROUP, ++order, Width.SHORT, "Document mode");
        def.define(INDEX_PREFIX_CONFIG, Type.STRING, DEFAULT_INDEX_PREFIX, Validators.indexName(), Importance.MEDIUM,
                "Every event is indexed into '<prefix><topic>' (topic in lower case), e.g. events-orders.events, with the event id as "
                        + "document id: a redelivered event overwrites its document.",
                INDEXING_GROUP, ++order, Width.MEDIUM, "Event index prefix");
        def.define(ORDERS_INDEX_CONFIG, Type.STRING, DEFAULT_ORDERS_INDEX, Validators.indexName(), Importance.MEDIUM,
                "Index of the order-state documents: one per order (id = record key), written with external versioning so that a "
                        + "duplicate or stale event never overwrites a newer state.",
                INDEXING_GROUP, ++order, Width.MEDIUM, "Order index");
        def.define(ORDERS_TOPICS_CONFIG, Type.LIST, "orders.events", Validators.topicNames(), Importance.MEDIUM,
                "Topics whose order events (orders.event.types) also update the order index; their payload is the whole order. "
                        + "Empty: no order index.",
                INDEXING_GROUP, ++order, Width.LONG, "Order topics");
        def.define(ORDERS_EVENT_TYPES_CONFIG, Type.LIST, "OrderPlaced,OrderConfirmed,OrderCancelled", Validators.nonBlankItems(),
                Importance.LOW, "Event types (the 'type' header) whose payload is the order's full state.",
                INDEXING_GROUP, ++order, Width.LONG, "Order event types");
        def.define(ORDERS_VERSION_SOURCE_CONFIG, Type.STRING, OrderVersionSource.OCCURRED_AT.configValue(),
                Validators.enumValue(OrderVersionSource.class), Importance.LOW,
                "External version of an order document. 'occurred_at': the event's occurredat header in microseconds, identical on "
                        + "every copy of an event, so a re-sent older event can never win, also after a topic is rebuilt or replayed "
                        + "from the archive. 'kafka_offset': the record's offset, which only increases along an order's partition "
                        + "but differs between copies.",
                INDEXING_GROUP, ++order, Width.SHORT, "Order version source");
        def.define(INDEX_TEMPLATES_INSTALL_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                "Whether the task installs the bundled index templates (for '<prefix>*' and the order index) before it writes; "
                        + "needs the manage_index_templates privilege. The platform's connector file turns it on; otherwise install them "
                        + "beforehand (the plugin zip's etc/index-templates).",
                INDEXING_GROUP, ++order, Width.SHORT, "Install index templates");
        def.define(BEHAVIOR_ON_MALFORMED_PAYLOAD_CONFIG, Type.STRING, MalformedPayloadBehavior.REPORT.name().toLowerCase(Locale.ROOT),
                Validators.enumValue(MalformedPayloadBehavior.class), Importance.MEDIUM,
                "A record whose value is not a JSON object, or whose id, type or occurredat header is missing or unreadable: "
                        + "'report' sends it to the dead-letter topic when errors.tolerance=all (else fails the task), 'fail' fails "
                        + "the task, 'ignore' skips it with a warning.",
                INDEXING_GROUP, ++order, Width.SHORT, "Malformed payloads");

        order = 0;
        def.define(BULK_MAX_RECORDS_CONFIG, Type.INT, 1_000, ConfigDef.Range.between(1, 100_000), Importance.MEDIUM,
                "Most documents in one bulk request.", BULK_GROUP, ++order, Width.SHORT, "Bulk size (documents)");
        def.define(BULK_MAX_BYTES_CONFIG, Type.INT, 5 * 1024 * 1024, ConfigDef.Range.between(1_024, 100 * 1024 * 1024),
                Importance.MEDIUM, "Most bytes in one bulk request (documents and action lines); Elasticsearch refuses bodies over "
                        + "http.max_content_length (100 MB by default). A single larger document is sent alone.",
                BULK_GROUP, ++order, Width.SHORT, "Bulk size (bytes)");
        def.define(LINGER_MS_CONFIG, Type.LONG, 100L, ConfigDef.Range.between(0, 60_000), Importance.LOW,
                "How long a partly filled bulk request may wait for more records before it is sent, in milliseconds.",
                BULK_GROUP, ++order, Width.SHORT, "Linger (ms)");
        def.define(MAX_IN_FLIGHT_REQUESTS_CONFIG, Type.INT, 2, ConfigDef.Range.between(1, 16), Importance.LOW,
                "Bulk requests one task sends concurrently. Safe for any value: event documents are idempotent and order "
                        + "documents are ordered by their external version, not by arrival.",
                BULK_GROUP, ++order, Width.SHORT, "Requests in flight");
        def.define(MAX_BUFFERED_RECORDS_CONFIG, Type.INT, 20_000, ConfigDef.Range.between(1, 10_000_000), Importance.MEDIUM,
                "Most records a task holds that Elasticsearch has not acknowledged yet (memory bound). When it is reached, the "
                        + "task waits up to flush.timeout.ms for room, then hands the records back: Connect pauses the partitions and "
                        + "redelivers them, until Elasticsearch catches up.",
                BULK_GROUP, ++order, Width.SHORT, "Buffered records");
        def.define(FLUSH_TIMEOUT_MS_CONFIG, Type.LONG, 2_000L, ConfigDef.Range.between(0, 3_600_000), Importance.LOW,
                "How long an offset commit waits for outstanding bulk requests, in milliseconds; also how long the task waits "
                        + "for room when max.buffered.records is reached. Keep it below the worker's offset.flush.timeout.ms "
                        + "(5 s by default). Offsets of records not acknowledged by then are committed at a later commit; nothing "
                        + "is dropped.",
                BULK_GROUP, ++order, Width.SHORT, "Flush timeout (ms)");

        order = 0;
        def.define(RETRY_BACKOFF_INITIAL_MS_CONFIG, Type.LONG, 100L, ConfigDef.Range.between(1, 600_000), Importance.LOW,
                "First wait before a transient failure (timeout, refused connection, HTTP 429 or 5xx, a rejected bulk item) is "
                        + "retried, in milliseconds; it doubles per attempt up to retry.backoff.max.ms, with random jitter. "
                        + "Transient failures are retried until they succeed.",
                RETRY_GROUP, ++order, Width.SHORT, "Initial backoff (ms)");
        def.define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 10_000L, ConfigDef.Range.between(1, 3_600_000), Importance.LOW,
                "Longest wait between two attempts, in milliseconds.", RETRY_GROUP, ++order, Width.SHORT, "Max backoff (ms)");
        return def;
    }

    public List<URI> connectionUrls() {
        return getList(CONNECTION_URLS_CONFIG).stream().map(u -> URI.create(u.trim())).toList();
    }

    public Optional<String> username() {
        return Optional.ofNullable(getString(CONNECTION_USERNAME_CONFIG));
    }

    public Optional<Password> password() {
        return nonEmpty(getPassword(CONNECTION_PASSWORD_CONFIG));
    }

    public Optional<Password> apiKey() {
        return nonEmpty(getPassword(CONNECTION_API_KEY_CONFIG));
    }

    public Duration connectionTimeout() {
        return Duration.ofMillis(getInt(CONNECTION_TIMEOUT_MS_CONFIG));
    }

    public Duration readTimeout() {
        return Duration.ofMillis(getInt(READ_TIMEOUT_MS_CONFIG));
    }

    public Optional<String> caCertificateLocation() {
        return Optional.ofNullable(getString(SSL_CA_CERTIFICATE_LOCATION_CONFIG));
    }

    public Optional<String> truststoreLocation() {
        return Optional.ofNullable(getString(SSL_TRUSTSTORE_LOCATION_CONFIG));
    }

    public Optional<Password> truststorePassword() {
        return nonEmpty(getPassword(SSL_TRUSTSTORE_PASSWORD_CONFIG));
    }

    public String truststoreType() {
        return getString(SSL_TRUSTSTORE_TYPE_CONFIG).toUpperCase(Locale.ROOT);
    }

    public boolean hostnameVerification() {
        return getBoolean(SSL_HOSTNAME_VERIFICATION_CONFIG);
    }

    public String indexPrefix() {
        return getString(INDEX_PREFIX_CONFIG);
    }

    public String ordersIndex() {
        return getString(ORDERS_INDEX_CONFIG);
    }

    public Set<String> ordersTopics() {
        return Set.copyOf(getList(ORDERS_TOPICS_CONFIG));
    }

    public Set<String> ordersEventTypes() {
        return Set.copyOf(getList(ORDERS_EVENT_TYPES_CONFIG));
    }

    public OrderVersionSource ordersVersionSource() {
        return OrderVersionSource.fromConfig(getString(ORDERS_VERSION_SOURCE_CONFIG));
    }

    public boolean installIndexTemplates() {
        return getBoolean(INDEX_TEMPLATES_INSTALL_CONFIG);
    }

    public MalformedPayloadBehavior behaviorOnMalformedPayload() {
        return MalformedPayloadBehavior.valueOf(getString(BEHAVIOR_ON_MALFORMED_PAYLOAD_CONFIG).toUpperCase(Locale.ROOT));
    }

    public int bulkMaxRecords() {
        return getInt(BULK_MAX_RECORDS_CONFIG);
    }

    public int bulkMaxBytes() {
        return getInt(BULK_MAX_BYTES_CONFIG);
    }

    public Duration linger() {
        return Duration.ofMillis(getLong(LINGER_MS_CONFIG));
    }

    public int maxInFlightRequests() {
        return getInt(MAX_IN_FLIGHT_REQUESTS_CONFIG);
    }

    public int maxBufferedRecords() {
        return getInt(MAX_BUFFERED_RECORDS_CONFIG);
    }

    public Duration flushTimeout() {
        return Duration.ofMillis(getLong(FLUSH_TIMEOUT_MS_CONFIG));
    }

    public Duration retryBackoffInitial() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_INITIAL_MS_CONFIG));
    }

    public Duration retryBackoffMax() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MAX_MS_CONFIG));
    }

    /** True when Connect's {@code errors.tolerance} is {@code all}: per-record errors may go to the errant-record reporter. */
    public boolean toleratesRecordErrors() {
        Object tolerance = originals().get(ERRORS_TOLERANCE_CONFIG);
        return tolerance != null && "all".equalsIgnoreCase(tolerance.toString().trim());
    }

    /** How to reach Elasticsearch: URLs, credentials, TLS and timeouts. */
    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(connectionUrls(), username(), password(), apiKey(), caCertificateLocation(),
                truststoreLocation(), truststorePassword(), truststoreType(), hostnameVerification(), connectionTimeout(),
                readTimeout(), maxInFlightRequests());
    }

    /** How records become documents. */
    public DocumentMode documentMode() {
        return DocumentMode.fromConfig(getString(DOCUMENT_MODE_CONFIG));
    }

    public ConversionSettings conversionSettings() {
        return new ConversionSettings(indexPrefix(), ordersIndex(), ordersTopics(), ordersEventTypes(), ordersVersionSource(), documentMode());
    }

    private static Optional<Password> nonEmpty(Password password) {
        return password == null || password.value() == null || password.value().isEmpty() ? Optional.empty() : Optional.of(password);
    }
}
