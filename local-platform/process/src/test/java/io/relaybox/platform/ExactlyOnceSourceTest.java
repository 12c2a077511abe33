package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once source (KIP-618) is the platform's default; one setting turns it off in the worker and the source connectors. */
class ExactlyOnceSourceTest {

    @TempDir
    Path folder;

    @Test
    void theWorkerRunsExactlyOnceSourceSupportByDefault() throws IOException {
        Properties worker = writtenConfiguration(new ConnectWorker(folder, folder, List.of(), "127.0.0.1:9092", 18083,
                folder.resolve("connect.log"), Map.of(), credentials()));

        assertThat(worker.getProperty("exactly.once.source.support")).isEqualTo("enabled");
    }

    @Test
    void theWorkersOwnTransactionsTimeOutAsSoonAsTheConnectorsAndWellWithinTheSupervisorsPatience() throws IOException {
        Properties worker = writtenConfiguration(new ConnectWorker(folder, folder, List.of(), "127.0.0.1:9092", 18083,
                folder.resolve("connect.log"), Map.of(), credentials()));

        // the leader's config-topic producer reads the worker's top-level settings, source tasks' producers the producer.* ones
        assertThat(worker.getProperty("transaction.timeout.ms")).isEqualTo("10000");
        assertThat(worker.getProperty("producer.transaction.timeout.ms")).isEqualTo("10000");
        assertThat(PlatformSupervisor.TRANSACTION_PATIENCE).isGreaterThan(ConnectWorker.TRANSACTION_TIMEOUT.multipliedBy(2));
    }

    @Test
    void theWorkerRunsWithoutExactlyOnceSourceSupportWhenTurnedOff() throws IOException {
        Properties worker = writtenConfiguration(new ConnectWorker(folder, folder, List.of(), "127.0.0.1:9092", 18083,
                folder.resolve("connect.log"), Map.of(), credentials(), false));

        assertThat(worker.getProperty("exactly.once.source.support")).isEqualTo("disabled");
    }

    @Test
    void theSettingsDefaultToExactlyOnceSourceAndCanTurnItOff() {
        PlatformSettings settings = new PlatformSettings(PlatformLayout.detect(), folder, PortPlan.free(), java.time.Duration.ofSeconds(1));

        assertThat(settings.exactlyOnceSource()).isTrue();
        assertThat(PlatformSettings.forTests(folder).exactlyOnceSource()).isTrue();
        assertThat(settings.withExactlyOnceSource(false).exactlyOnceSource()).isFalse();
        assertThat(settings.withExactlyOnceSource(false).withSinks(false).withServices(List.of()).exactlyOnceSource()).isFalse();
    }

    @Test
    void theSourceConnectorsKeepTheirFilesRequirementWhenExactlyOnceSourceIsOn() {
        assertThat(LocalPlatform.sourceOverrides(true, 15432)).containsExactlyInAnyOrderEntriesOf(
                Map.of("database.hostname", "127.0.0.1", "database.port", "15432"));
    }

    @Test
    void theSourceConnectorsOnlyRequestExactlyOnceWhenItIsOff() {
        // a worker without exactly-once source support refuses a connector that requires it
        assertThat(LocalPlatform.sourceOverrides(false, 15432)).containsEntry("exactly.once.support", "requested")
                .containsEntry("database.port", "15432");
    }

    private static ConnectWorker.Credentials credentials() {
        return new ConnectWorker.Credentials("relaybox", "secret");
    }

    private static Properties writtenConfiguration(ConnectWorker worker) throws IOException {
        worker.prepare();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(worker.configFile())) {
            properties.load(reader);
        }
        return properties;
    }
}
