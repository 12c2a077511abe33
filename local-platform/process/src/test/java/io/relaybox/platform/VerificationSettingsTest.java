package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verification run's platform: retained outbox rows and fault proxies, off unless asked for. */
class VerificationSettingsTest {

    @TempDir
    Path folder;

    @Test
    void platformsRunWithoutVerificationOptionsByDefault() {
        assertThat(new PlatformSettings(PlatformLayout.detect(), folder, PortPlan.free(), Duration.ofSeconds(1)).verification()).isFalse();
        assertThat(PlatformSettings.forTests(folder).verification()).isFalse();
    }

    @Test
    void verificationSurvivesTheOtherSettings() {
        PlatformSettings settings = PlatformSettings.forTests(folder).withVerification(true).withExactlyOnceSource(false)
                .withSinks(true).withServices(LocalPlatform.SERVICES).withServiceAddOns(ServiceAddOns.NONE);

        assertThat(settings.verification()).isTrue();
        assertThat(settings.exactlyOnceSource()).isFalse();
        assertThat(settings.withVerification(false).verification()).isFalse();
    }

    @Test
    void servicesOfAVerificationRunRetainTheirOutboxRowsLongerThanAnyRun() {
        assertThat(LocalPlatform.RETAINED_OUTBOX).containsExactly("--outbox.cleanup=retain", "--outbox.retention=3650d");
    }

    @Test
    void sinksWriteToTheAddressesTheyAreGiven() {
        // with fault proxies, the addresses given are the proxies'
        assertThat(LocalPlatform.sinkOverrides("http://127.0.0.1:4001", "http://127.0.0.1:4002"))
                .containsEntry("connection.urls", "http://127.0.0.1:4001")
                .containsEntry("s3.endpoint.url", "http://127.0.0.1:4002")
                .containsKey("open.object.upload.ms");
        assertThat(List.copyOf(LocalPlatform.sinkOverrides("a", "b").keySet())).hasSize(3);
    }
}
