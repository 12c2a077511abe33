package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void resolvesEnvironmentReferencesInsideAValue() {
        List<String> missing = new ArrayList<>();

        String resolved = ConfigReference.resolveEnv("http://${env:HOST}:${env:PORT}/x", Map.of("HOST", "es", "PORT", "9200"), missing);

        assertThat(resolved).isEqualTo("http://es:9200/x");
        assertThat(missing).isEmpty();
    }

    @Test
    void leavesOtherProvidersAndPlainBracesAlone() {
        List<String> missing = new ArrayList<>();
        String value = "${file:/run/secrets.properties:pw} ${routedByValue}.events ${env:/some/path:KEY}";

        assertThat(ConfigReference.resolveEnv(value, Map.of("KEY", "no"), missing)).isEqualTo(value);
        assertThat(missing).isEmpty();
    }

    @Test
    void reportsAndKeepsReferencesToUnsetVariables() {
        List<String> missing = new ArrayList<>();

        String resolved = ConfigReference.resolveEnv("${env:UNSET}-${env:SET}", Map.of("SET", "a$b\\c"), missing);

        assertThat(resolved).isEqualTo("${env:UNSET}-a$b\\c");
        assertThat(missing).containsExactly("UNSET");
    }

    @Test
    void tellsAWholeReferenceFromAValueThatOnlyContainsOne() {
        assertThat(ConfigReference.isPureReference("${env:RELAYBOX_CDC_PASSWORD}")).isTrue();
        assertThat(ConfigReference.isPureReference("${file:/etc/kafka/secrets.properties:es.password}")).isTrue();
        assertThat(ConfigReference.isPureReference("user=\"x\" password=\"${env:PW}\";")).isFalse();
        assertThat(ConfigReference.containsReference("user=\"x\" password=\"${env:PW}\";")).isTrue();
        assertThat(ConfigReference.containsReference("${routedByValue}.events")).isFalse();
    }
}
