package io.relaybox.connect.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginVersionTest {

    @Test
    void readsTheVersionPropertiesNextToTheAnchorClass() {
        assertThat(PluginVersion.of(PluginVersionTest.class)).isEqualTo("1.2.3-test");
    }

    @Test
    void saysUnknownWhenThereIsNoVersionFile() {
        assertThat(PluginVersion.of(String.class)).isEqualTo("unknown");
    }
}
