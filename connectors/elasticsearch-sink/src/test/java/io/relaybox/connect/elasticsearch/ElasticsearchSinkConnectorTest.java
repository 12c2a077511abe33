package io.relaybox.connect.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

import io.relaybox.connect.elasticsearch.ElasticsearchSinkConnectorConfigValidator.Problem;

class ElasticsearchSinkConnectorTest {

    @Test
    void documentsEveryKeyWithTypeDefaultImportanceAndGroup() {
        for (ConfigDef.ConfigKey key : ElasticsearchSinkConnectorConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.importance).as(key.name).isNotNull();
            assertThat(key.displayName).as(key.name).isNotBlank();
            if (key.type != ConfigDef.Type.PASSWORD && key.type != ConfigDef.Type.BOOLEAN) {
                assertThat(key.validator).as(key.name + " validator").isNotNull();
            }
        }
    }

    @Test
    void typesEverySecretAsPassword() {
        assertThat(ElasticsearchSinkConnectorConfig.CONFIG_DEF.configKeys().values().stream()
                .filter(k -> k.name.matches(".*(password|api\\.key).*")).map(k -> k.type).distinct().toList())
                .containsExactly(ConfigDef.Type.PASSWORD);
    }

    @Test
    void handsEveryTaskTheConnectorsSettings() {
        ElasticsearchSinkConnector connector = new ElasticsearchSinkConnector();
        connector.start(Map.of("connection.urls", "http://es:9200"));

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(c -> assertThat(c).containsEntry("connection.urls", "http://es:9200"));
        assertThat(connector.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void acceptsAValidConfiguration() {
        assertThat(errors(valid(), Optional.empty())).isEmpty();
    }

    @Test
    void namesEachInvalidSettingWithItsOwnMessage() {
        Map<String, String> props = valid();
        props.put("bulk.max.records", "0");
        props.put("connection.urls", "ftp://es:21");
        props.put("orders.version.source", "wall_clock");
        props.put("index.prefix", "Events-");

        Map<String, List<String>> errors = errors(props, Optional.empty());

        assertThat(errors.get("bulk.max.records")).singleElement().asString().contains("at least 1");
        assertThat(errors.get("connection.urls")).singleElement().asString().contains("http:// or https://");
        assertThat(errors.get("orders.version.source")).singleElement().asString().contains("occurred_at");
        assertThat(errors.get("index.prefix")).singleElement().asString().contains("lower case");
    }

    @Test
    void keyedFiguresNeedNoOrdersTopicsButAnUnknownModeIsNamed() {
        Map<String, String> props = valid();
        props.remove("topics");
        props.put("topics.regex", "analytics\\.[a-z0-9-]+");
        props.put("document.mode", "keyed-json");
        props.put("index.prefix", "analytics-");

        assertThat(errors(props, Optional.empty())).isEmpty();

        props.put("document.mode", "outbox");
        assertThat(errors(props, Optional.empty()).get("orders.topics")).singleElement().asString().contains("topics.regex does not match");
        props.put("document.mode", "csv");
        assertThat(errors(props, Optional.empty()).get("document.mode")).singleElement().asString().contains("keyed-json");
    }

    @Test
    void rejectsAUserWithoutPasswordAndAnApiKeyNextToAUser() {
        Map<String, String> props = valid();
        props.put("connection.username", "relaybox");
        props.put("connection.api.key", "a2V5");

        Map<String, List<String>> errors = errors(props, Optional.empty());

        assertThat(errors.get("connection.password")).singleElement().asString().contains("give its password too");
        assertThat(errors.get("connection.api.key")).singleElement().asString().contains("not both");
    }

    @Test
    void rejectsTlsSettingsForPlainHttpAndMissingFiles() {
        Map<String, String> props = valid();
        props.put("connection.ssl.ca.certificate.location", "/nowhere/ca.crt");

        assertThat(errors(props, Optional.empty()).get("connection.ssl.ca.certificate.location")).singleElement().asString()
                .contains("https:// URLs only");

        props.put("connection.urls", "https://es:9200");
        assertThat(errors(props, Optional.empty()).get("connection.ssl.ca.certificate.location")).singleElement().asString()
                .contains("no readable file /nowhere/ca.crt");
    }

    @Test
    void acceptsASubscriptionByRegexThatMatchesTheOrdersTopics() {
        Map<String, String> props = valid();
        props.remove("topics");
        props.put("topics.regex", "[A-Za-z0-9_-]+\\.events");

        assertThat(errors(props, Optional.empty())).isEmpty();
    }

    @Test
    void rejectsOrdersTopicsThatTheSubscriptionRegexDoesNotMatch() {
        Map<String, String> props = valid();
        props.remove("topics");
        props.put("topics.regex", "[A-Za-z0-9_-]+\\.events");
        props.put("orders.topics", "orders.events,legacy.orders");

        assertThat(errors(props, Optional.empty()).get("orders.topics")).singleElement().asString()
                .contains("topics.regex does not match: legacy.orders");
    }

    @Test
    void rejectsSettingsThatContradictEachOther() {
        Map<String, String> props = valid();
        props.put("retry.backoff.initial.ms", "5000");
        props.put("retry.backoff.max.ms", "1000");
        props.put("bulk.max.records", "5000");
        props.put("max.buffered.records", "100");
        props.put("orders.topics", "orders.events,legacy.orders");
        props.put("orders.index", "events-orders");
        props.put("connection.urls", "http://es-1:9200,https://es-2:9200");

        Map<String, List<String>> errors = errors(props, Optional.empty());

        assertThat(errors.get("retry.backoff.max.ms")).singleElement().asString().contains("at least retry.backoff.initial.ms");
        assertThat(errors.get("max.buffered.records")).singleElement().asString().contains("at least bulk.max.records");
        assertThat(errors.get("orders.topics")).singleElement().asString().contains("legacy.orders");
        assertThat(errors.get("orders.index")).singleElement().asString().contains("must not start with index.prefix");
        assertThat(errors.get("connection.urls")).singleElement().asString().contains("mixes http:// and https://");
    }

    @Test
    void addsWhatTheClusterSaysToTheSettingToChange() {
        Map<String, List<String>> errors = errors(valid(), Optional.of(new Problem("connection.urls", "cannot reach Elasticsearch: refused")));

        assertThat(errors.get("connection.urls")).containsExactly("cannot reach Elasticsearch: refused");
    }

    @Test
    void reportsAClusterThatDoesNotAnswer() {
        Map<String, String> props = valid();
        props.put("connection.urls", "http://127.0.0.1:" + closedPort());

        Config result = new ElasticsearchSinkConnector().validate(props);

        assertThat(messages(result).get("connection.urls")).singleElement().asString().contains("cannot reach Elasticsearch");
    }

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put("connector.class", ElasticsearchSinkConnector.class.getName());
        props.put("topics", "orders.events,inventory.events");
        props.put("connection.urls", "http://es:9200");
        return props;
    }

    private static Map<String, List<String>> errors(Map<String, String> props, Optional<Problem> clusterSays) {
        Config result = new Config(ElasticsearchSinkConnectorConfig.CONFIG_DEF.validate(props));
        new ElasticsearchSinkConnectorConfigValidator(props, settings -> clusterSays).validate(result);
        return messages(result);
    }

    private static Map<String, List<String>> messages(Config result) {
        return result.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
