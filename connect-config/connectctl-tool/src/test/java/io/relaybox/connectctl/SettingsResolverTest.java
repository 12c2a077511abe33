package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsResolverTest {

    private final SettingsResolver resolver = new SettingsResolver(Map.of("DB_HOST", "db.internal", "RELAYBOX_CDC_PASSWORD", "s3cret"));

    @Test
    void resolvesEnvironmentInOrdinarySettingsAndKeepsSecretReferencesForTheWorker() {
        ConnectorDefinition connector = connector(Map.of("database.hostname", "${env:DB_HOST}",
                "database.password", "${env:RELAYBOX_CDC_PASSWORD}", "transforms.outbox.route.topic.replacement", "${routedByValue}.events"));

        SettingsResolver.Resolution resolution = resolver.resolve(connector, SecretSettings.byKeyName());

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.connector().config())
                .containsEntry("database.hostname", "db.internal")
                .containsEntry("database.password", "${env:RELAYBOX_CDC_PASSWORD}")
                .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}.events");
        assertThat(resolution.connector().source()).isEqualTo("connectors/orders.json");
    }

    @Test
    void rejectsALiteralSecretWithoutPrintingIt() {
        SettingsResolver.Resolution resolution = resolver.resolve(connector(Map.of("database.password", "hunter2")),
                SecretSettings.byKeyName());

        assertThat(resolution.problems()).singleElement().hasToString(
                "connectors/orders.json (orders): database.password: a secret setting holds a literal value (****); write a "
                        + "config-provider reference that the worker resolves instead, such as ${env:RELAYBOX_...} or "
                        + "${file:/path/secrets.properties:key}");
        assertThat(resolution.problems().get(0).toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsALiteralInASettingTheConfigDefTypesPassword() {
        SecretSettings typed = SecretSettings.byKeyName().withTypes(Map.of("connection.auth", "PASSWORD"));

        assertThat(resolver.resolve(connector(Map.of("connection.auth", "abc")), typed).problems())
                .extracting(ConnectorProblem::key).containsExactly("connection.auth");
    }

    @Test
    void namesFileKeyAndVariableOfAnUnsetPlaceholder() {
        SettingsResolver.Resolution resolution = resolver.resolve(connector(Map.of("database.dbname", "${env:ORDERS_DB}")),
                SecretSettings.byKeyName());

        assertThat(resolution.problems()).singleElement().hasToString(
                "connectors/orders.json (orders): database.dbname: environment variable ORDERS_DB is not set (referenced as ${env:ORDERS_DB})");
    }

    private static ConnectorDefinition connector(Map<String, String> settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.putAll(settings);
        return new ConnectorDefinition("orders", config, "connectors/orders.json");
    }
}
