package io.relaybox.verification.bench;

import java.util.List;

import io.relaybox.connectctl.PluginInfo;
import io.relaybox.platform.LocalPlatform;

/**
 * The versions a benchmark's figures belong to, as the running platform reports them: Kafka (the Connect worker's own
 * plugins carry its version), Debezium (the PostgreSQL connector plugin) and the Java that runs the benchmark.
 */
public record PlatformVersions(String kafka, String debezium, String java) {

    private static final String POSTGRES_CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    public static PlatformVersions of(LocalPlatform platform) {
        List<PluginInfo> plugins = platform.connectClient().plugins(true);
        return new PlatformVersions(versionOf(plugins, "org.apache.kafka.connect."), versionOf(plugins, POSTGRES_CONNECTOR),
                System.getProperty("java.version"));
    }

    private static String versionOf(List<PluginInfo> plugins, String classPrefix) {
        return plugins.stream().filter(p -> p.className().startsWith(classPrefix) && !p.version().isBlank())
                .map(PluginInfo::version).findFirst().orElse("unknown");
    }

    @Override
    public String toString() {
        return "Kafka " + kafka + ", Debezium " + debezium + ", Java " + java;
    }
}
