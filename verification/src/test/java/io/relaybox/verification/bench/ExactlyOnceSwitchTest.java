package io.relaybox.verification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExactlyOnceSwitchTest {

    @Test
    void readsTrueAndFalse() {
        assertThat(Benchmarks.exactlyOnceSource("true")).isTrue();
        assertThat(Benchmarks.exactlyOnceSource("false")).isFalse();
    }

    @Test
    void refusesAnythingElseNamingTheProperty() {
        assertThatThrownBy(() -> Benchmarks.exactlyOnceSource("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dbench.exactly-once must be true or false, was 'yes'");
    }
}
