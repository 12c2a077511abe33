package io.relaybox.connect.elasticsearch;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import static io.relaybox.connect.support.Validators.described;
import static io.relaybox.connect.support.Validators.httpUrl;

/** The Elasticsearch sink's declarative checks of its {@link ConfigDef}; each {@code toString()} says what is valid. */
final class Validators {

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Validators() {
    }

    /** A non-empty list of http:// or https:// URLs with a host, without path, query or credentials. */
    static ConfigDef.Validator httpUrls() {
        return described("a non-empty list of http:// or https:// URLs such as https://elasticsearch:9200", (name, value) -> {
            List<?> urls = (List<?>) value;
            if (urls == null || urls.isEmpty()) {
                throw new ConfigException(name, value, "give at least one URL");
            }
            for (Object item : urls) {
                String text = item.toString().trim();
                URI uri = httpUrl(name, text);
                if (uri.getUserInfo() != null) {
                    throw new ConfigException(name, "(hidden)", "put credentials in connection.username/connection.password, not in the URL");
                }
                if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/") || uri.getQuery() != null) {
                    throw new ConfigException(name, text, "the URL must not have a path or query");
                }
            }
        });
    }

    /** Null, or a string with a non-blank character. */
    static ConfigDef.Validator optionalNonBlank() {
        return described("empty, or a non-blank string", (name, value) -> {
            if (value != null && value.toString().isBlank()) {
                throw new ConfigException(name, value, "must not be blank; leave it out instead");
            }
        });
    }

    /** An Elasticsearch index name or prefix: lower case letters, digits, '.', '_' and '-', not starting with '.', '_' or '-'. */
    static ConfigDef.Validator indexName() {
        return described("lower case letters, digits, '.', '_' and '-', starting with a letter or digit", (name, value) -> {
            if (value == null || !INDEX_NAME.matcher(value.toString()).matches()) {
                throw new ConfigException(name, value, "not a valid Elasticsearch index name (lower case letters, digits, '.', '_' and '-', "
                        + "starting with a letter or digit)");
            }
        });
    }

    /** A list (maybe empty) of Kafka topic names. */
    static ConfigDef.Validator topicNames() {
        return described("a comma-separated list of Kafka topic names, maybe empty", (name, value) -> {
            for (Object topic : (List<?>) value) {
                if (!TOPIC_NAME.matcher(topic.toString()).matches()) {
                    throw new ConfigException(name, topic, "not a Kafka topic name");
                }
            }
        });
    }

    /** A list whose items are not blank. */
    static ConfigDef.Validator nonBlankItems() {
        return described("a comma-separated list of non-blank names", (name, value) -> {
            for (Object item : (List<?>) value) {
                if (item.toString().isBlank()) {
                    throw new ConfigException(name, value, "has a blank item");
                }
            }
        });
    }

    /** One of the enum's constants, in lower case (case-insensitive). */
    static <E extends Enum<E>> ConfigDef.Validator enumValue(Class<E> type) {
        List<String> values = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return described("one of " + joined(values), (name, value) -> {
            if (value == null || !values.contains(value.toString().trim().toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, value, "must be one of " + joined(values));
            }
        });
    }

    static String joined(List<String> items) {
        return items.stream().collect(Collectors.joining(", "));
    }
}
