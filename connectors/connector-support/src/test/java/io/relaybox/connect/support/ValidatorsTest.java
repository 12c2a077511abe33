package io.relaybox.connect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void describedValidatorChecksAndTellsWhatIsValid() {
        ConfigDef.Validator positive = Validators.described("a positive number", (name, value) -> {
            if ((Integer) value <= 0) {
                throw new ConfigException(name, value, "must be positive");
            }
        });

        assertThat(positive).hasToString("a positive number");
        positive.ensureValid("n", 1);
        assertThatThrownBy(() -> positive.ensureValid("n", 0)).isInstanceOf(ConfigException.class).hasMessageContaining("must be positive");
    }

    @Test
    void acceptsHttpAndHttpsUrlsWithAHost() {
        assertThat(Validators.httpUrl("k", "https://es:9200").getHost()).isEqualTo("es");
        assertThat(Validators.httpUrl("k", "HTTP://127.0.0.1:9000/path").getPort()).isEqualTo(9000);
    }

    @Test
    void rejectsOtherSchemesUrlsWithoutHostAndNonUrls() {
        assertThatThrownBy(() -> Validators.httpUrl("k", "ftp://host")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("k").hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> Validators.httpUrl("k", "http:///nohost")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> Validators.httpUrl("k", "http://a b")).hasMessageContaining("not a URL");
    }
}
