package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Further Spring arguments for the instances of one service kind: none unless a caller gives them. */
class ServiceArgumentsSettingsTest {

    private static final List<String> FAULTS = List.of("--relaybox.faults.enabled=true");

    @TempDir
    Path folder;

    @Test
    void platformsGiveTheServicesNoFurtherArgumentsByDefault() {
        assertThat(new PlatformSettings(PlatformLayout.detect(), folder, PortPlan.free(), Duration.ofSeconds(1))
                .serviceArguments()).isEmpty();
        assertThat(PlatformSettings.forTests(folder).serviceArguments()).isEmpty();
    }

    @Test
    void givesTheArgumentsToTheNamedKindOnlyAndLeavesTheOriginalSettingsAsTheyWere() {
        PlatformSettings plain = PlatformSettings.forTests(folder);

        PlatformSettings settings = plain.withServiceArguments("payment-service", FAULTS);

        assertThat(settings.serviceArguments()).containsOnlyKeys("payment-service").containsEntry("payment-service", FAULTS);
        assertThat(plain.serviceArguments()).isEmpty();
        assertThat(settings.withServiceArguments("inventory-service", List.of("--a=b")).serviceArguments())
                .containsOnlyKeys("payment-service", "inventory-service");
    }

    @Test
    void theArgumentsSurviveTheOtherSettings() {
        PlatformSettings settings = PlatformSettings.forTests(folder).withServiceArguments("payment-service", FAULTS)
                .withVerification(true).withExactlyOnceSource(false).withSinks(false).withServices(LocalPlatform.SERVICES)
                .withServiceAddOns(ServiceAddOns.NONE).withMonitoring(false).withRelay(RelayRuntime.EMBEDDED)
                .withStartTimeout(Duration.ofSeconds(5)).withCluster(ClusterShape.SINGLE);

        assertThat(settings.serviceArguments()).containsEntry("payment-service", FAULTS);
        assertThat(settings.verification()).isTrue();
        assertThat(settings.sinks()).isFalse();
    }

    @Test
    void givingAKindArgumentsAgainReplacesThemAndAnEmptyListRemovesThem() {
        PlatformSettings settings = PlatformSettings.forTests(folder).withServiceArguments("payment-service", FAULTS);

        assertThat(settings.withServiceArguments("payment-service", List.of("--x=1")).serviceArguments())
                .containsEntry("payment-service", List.of("--x=1"));
        assertThat(settings.withServiceArguments("payment-service", List.of()).serviceArguments()).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfTheArguments() {
        List<String> arguments = new ArrayList<>(FAULTS);
        PlatformSettings settings = PlatformSettings.forTests(folder).withServiceArguments("payment-service", arguments);

        arguments.add("--later=1");

        assertThat(settings.serviceArguments().get("payment-service")).isEqualTo(FAULTS);
        assertThatThrownBy(() -> settings.serviceArguments().get("payment-service").add("--x=1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAKindTheTopologyDoesNotHave() {
        assertThatThrownBy(() -> PlatformSettings.forTests(folder).withServiceArguments("payments-service", FAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payments-service");
    }

    @Test
    void refusesAnArgumentSpringWouldIgnore() {
        assertThatThrownBy(() -> PlatformSettings.forTests(folder).withServiceArguments("payment-service",
                List.of("relaybox.faults.enabled=true"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relaybox.faults.enabled=true");
    }

    @Test
    void appendsTheCallersArgumentsAfterThePlatformsOwn() {
        assertThat(LocalPlatform.withCallerArguments(List.of("--spring.kafka.bootstrap-servers=k:1", "--relaybox.data-dir=/d"),
                FAULTS)).containsExactly("--spring.kafka.bootstrap-servers=k:1", "--relaybox.data-dir=/d",
                "--relaybox.faults.enabled=true");
        assertThat(LocalPlatform.withCallerArguments(List.of("--a=1"), List.of())).containsExactly("--a=1");
    }

    @Test
    void aCallersArgumentReplacesThePlatformsArgumentOfTheSameProperty() {
        // Spring would read --outbox.inbox.max-batch=100 --outbox.inbox.max-batch=1 as "100,1"
        assertThat(LocalPlatform.withCallerArguments(List.of("--outbox.inbox.max-batch=100", "--outbox.inbox.max-batches=7"),
                List.of("--outbox.inbox.max-batch=1"))).containsExactly("--outbox.inbox.max-batches=7", "--outbox.inbox.max-batch=1");
    }
}
