package io.relaybox.verification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExactlyOnceComparisonTest {

    private static final PlatformVersions VERSIONS = new PlatformVersions("4.3.0", "3.6.1.Final", "17.0.9");

    @Test
    void printsOnAndOffSideBySideWithTheVersions() {
        ExactlyOnceComparison comparison = new ExactlyOnceComparison();
        comparison.add(run(true, 4_000, 120, 180));
        comparison.add(run(false, 5_000, 60, 90));

        String table = comparison.table();

        assertThat(table).startsWith("exactly-once source on against off (Kafka 4.3.0, Debezium 3.6.1.Final, Java 17.0.9;")
                .contains("| figure | exactly-once on | exactly-once off |")
                .contains("| CDC drain: events/s (resume to last) | 4,000 | 5,000 |")
                .contains("| commit→Kafka p50 ms at 200 orders/s | 120 | 60 |")
                .contains("| commit→Kafka p99 ms at 200 orders/s | 180 | 90 |");
    }

    private static ExactlyOnceComparison.Run run(boolean exactlyOnce, double eventsPerSecond, long p50, long p99) {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < 50 ? p50 : p99;
        }
        return new ExactlyOnceComparison.Run(exactlyOnce, VERSIONS, new CdcDrainBenchmark.Figures(5_000, 5_000, 5_000, eventsPerSecond,
                eventsPerSecond * 1.2), List.of(new LatencyBenchmark.Figures(200, 199.5, 3_000, 0, new Percentiles(samples))));
    }
}
