package io.relaybox.verification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlatformBenchmarkSummaryTest {

    private static PlatformBenchmark.Step step(int offered, boolean keptUp) {
        return new PlatformBenchmark.Step(offered, offered * 0.99, offered * 60, 0, new Percentiles(new long[] {100, 900}),
                new Percentiles(new long[] {20, 80}), new long[] {offered * 240L, 300, 1200}, new Percentiles(new long[] {5000}),
                Map.of("postgres", new ProcessUsage(offered * 0.6, 200L << 20)), Map.of("inventory-service", 3L), keptUp);
    }

    @Test
    void theHeadlineIsTheHighestStepThatKeptUp() {
        String summary = PlatformBenchmark.summary(List.of(step(100, true), step(200, true), step(300, false)));
        assertThat(summary).contains("highest sustained rate: 200 orders/s").contains("| 300 | 297 | no | 100 / 900 | 80 | 1200 | 5000 | 10.0 |");
    }

    @Test
    void sayWhenNoStepKeptUp() {
        assertThat(PlatformBenchmark.summary(List.of(step(50, false)))).contains("no step kept up");
    }

    @Test
    void cpuPerOrderIsPerProcessAndPerStep() {
        // 60 s at 100/s = 6,000 orders; postgres used 60 CPU seconds: 10 ms per order; RSS 200 MB
        assertThat(PlatformBenchmark.summary(List.of(step(100, true)))).contains("| postgres |").contains("| 100 | 10.00 (200) |");
    }
}
