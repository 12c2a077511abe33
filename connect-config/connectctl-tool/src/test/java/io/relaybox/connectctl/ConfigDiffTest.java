package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    @Test
    void ignoresTheNameTheWorkerAdds() {
        ConfigDiff diff = ConfigDiff.between(Map.of("a", "1"), Map.of("a", "1", "name", "c"));

        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void listsAddedChangedAndRemovedSettings() {
        Map<String, String> desired = new LinkedHashMap<>();
        desired.put("poll.interval.ms", "10");
        desired.put("new.key", "x");
        Map<String, String> deployed = Map.of("poll.interval.ms", "500", "old.key", "y", "name", "c");

        assertThat(ConfigDiff.between(desired, deployed).render(SecretSettings.byKeyName())).containsExactly(
                "~ poll.interval.ms: \"500\" -> \"10\"",
                "+ new.key: \"x\"",
                "- old.key: \"y\"");
    }

    @Test
    void masksLiteralSecretsOnBothSides() {
        ConfigDiff diff = ConfigDiff.between(Map.of("database.password", "${env:RELAYBOX_CDC_PASSWORD}"),
                Map.of("database.password", "hunter2"));

        assertThat(diff.render(SecretSettings.byKeyName()))
                .containsExactly("~ database.password: \"****\" -> \"${env:RELAYBOX_CDC_PASSWORD}\"");
    }
}
