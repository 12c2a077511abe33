package io.relaybox.testkit.crash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.relaybox.outbox.kafka.CommitBarrier;

class CrashHooksAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CrashHooksAutoConfiguration.class));

    @Test
    void addsNoBarrierUnlessATestNamesAPauseFile() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CommitBarrier.class));
    }

    @Test
    void pausesOnTheNamedFile() {
        runner.withPropertyValues(CrashHooksAutoConfiguration.PAUSE_FILE + "=target/hooks/inventory-service-1.pause")
                .run(context -> assertThat(context).getBean(CommitBarrier.class).isInstanceOf(FileCommitBarrier.class)
                        .extracting(b -> ((FileCommitBarrier) b).pausedMarker().getFileName().toString())
                        .isEqualTo("inventory-service-1.pause.paused"));
    }
}
