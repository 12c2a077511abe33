package io.relaybox.relay;

import java.util.Map;

import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.apache.kafka.common.config.provider.FileConfigProvider;

/**
 * Resolves a connector file's {@code ${env:NAME}} and {@code ${file:path:key}} references as the platform's Connect
 * worker does (Kafka's own config providers, environment variables limited to {@code RELAYBOX_*}), so that the files
 * keep no secret and the relay reads them unchanged.
 */
final class ConfigProviders {

    /** The environment variables a connector may reference, as the platform's Connect worker allows. */
    static final String ALLOWED_VARIABLES = "^RELAYBOX_.*";

    private ConfigProviders() {
    }

    static Map<String, String> resolve(Map<String, String> config) {
        EnvVarConfigProvider environment = new EnvVarConfigProvider();
        environment.configure(Map.of("allowlist.pattern", ALLOWED_VARIABLES));
        FileConfigProvider files = new FileConfigProvider();
        files.configure(Map.of());
        Map<String, ConfigProvider> providers = Map.of("env", environment, "file", files);
        Map<String, String> resolved = new ConfigTransformer(providers).transform(config).data();
        resolved.forEach((key, value) -> {
            if (value != null && (value.contains("${env:") || value.contains("${file:"))) {
                throw new IllegalArgumentException(key + " refers to " + value + ", which is not set (an environment variable must match "
                        + ALLOWED_VARIABLES + ")");
            }
        });
        return resolved;
    }
}
