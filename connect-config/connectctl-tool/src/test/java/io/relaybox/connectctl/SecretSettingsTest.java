package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretSettingsTest {

    private final SecretSettings byName = SecretSettings.byKeyName();

    @Test
    void judgesKeysBySecretLookingNames() {
        assertThat(byName.isSecret("database.password")).isTrue();
        assertThat(byName.isSecret("producer.override.sasl.jaas.config")).isTrue();
        assertThat(byName.isSecret("ssl.key.password")).isTrue();
        assertThat(byName.isSecret("aws.secret.access.key")).isTrue();
        assertThat(byName.isSecret("elastic.API.KEY")).isTrue();
        assertThat(byName.isSecret("database.user")).isFalse();
        assertThat(byName.isSecret("transforms.outbox.route.topic.replacement")).isFalse();
    }

    @Test
    void letsTheConfigDefTypeOverrideTheKeyName() {
        SecretSettings typed = byName.withTypes(Map.of("s3.credentials.provider.class", "CLASS", "connection.auth", "PASSWORD"));

        assertThat(typed.isSecret("s3.credentials.provider.class")).isFalse();
        assertThat(typed.isSecret("connection.auth")).isTrue();
        assertThat(typed.isSecret("database.password")).isTrue();
    }

    @Test
    void masksSecretValuesButShowsWholeReferences() {
        assertThat(byName.mask("database.password", "hunter2")).isEqualTo("****");
        assertThat(byName.mask("database.password", "${env:RELAYBOX_CDC_PASSWORD}")).isEqualTo("${env:RELAYBOX_CDC_PASSWORD}");
        assertThat(byName.mask("sasl.jaas.config", "... password=\"${env:PW}\" username=\"literal\";")).isEqualTo("****");
        assertThat(byName.mask("database.user", "relaybox_cdc")).isEqualTo("relaybox_cdc");
        assertThat(byName.mask(Map.of("database.password", "hunter2"))).containsEntry("database.password", "****");
    }

    @Test
    void callsOnlyNonEmptyValuesWithoutReferenceLiteralSecrets() {
        assertThat(byName.isLiteralSecret("database.password", "hunter2")).isTrue();
        assertThat(byName.isLiteralSecret("database.password", "${file:/s.properties:pw}")).isFalse();
        assertThat(byName.isLiteralSecret("database.password", "")).isFalse();
        assertThat(byName.isLiteralSecret("database.user", "relaybox_cdc")).isFalse();
    }
}
