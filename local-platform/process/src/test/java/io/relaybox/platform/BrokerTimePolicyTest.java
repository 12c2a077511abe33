package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BrokerTimePolicyTest {

    @Test
    void platformBrokerKeepsSevenDaysAndAcceptsAnyRecordTime() {
        String configuration = broker(BrokerTimePolicy.PLATFORM).configuration();

        assertThat(configuration).contains("log.retention.ms=604800000\n").doesNotContain("log.message.timestamp.before.max.ms");
        assertThat(configuration).doesNotContain("log.retention.hours").doesNotContain("log.retention.minutes");
    }

    @Test
    void testBrokersKeepWhatThePlatformKeepsAndRefuseRecordsOlderThanADay() {
        String configuration = broker(BrokerTimePolicy.TESTS).configuration();

        assertThat(configuration).contains("log.retention.ms=604800000\n").contains("log.message.timestamp.before.max.ms=86400000\n");
    }

    @Test
    void theLocalBrokerRunsWithTheSettingsEveryProjectBrokerShares() {
        String configuration = broker(BrokerTimePolicy.TESTS).configuration();

        KafkaBroker.settings(BrokerTimePolicy.TESTS).forEach((key, value) -> assertThat(configuration).contains(key + "=" + value + "\n"));
        assertThat(KafkaBroker.settings(BrokerTimePolicy.TESTS)).containsEntry("auto.create.topics.enable", "false")
                .doesNotContainKeys("listeners", "log.dirs", "process.roles");
    }

    @Test
    void refusesToAcceptRecordsThatRetentionWouldDeleteAtOnce() {
        assertThatThrownBy(() -> new BrokerTimePolicy(Duration.ofDays(7), Optional.of(Duration.ofDays(7))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would be deleted right away");
    }

    private static KafkaBroker broker(BrokerTimePolicy policy) {
        return new KafkaBroker(Path.of("target/unused-broker"), Path.of("target/unused-classpath"), 1, 2, Path.of("target/unused.log"),
                policy);
    }
}
