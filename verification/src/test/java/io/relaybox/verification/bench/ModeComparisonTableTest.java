package io.relaybox.verification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModeComparisonTableTest {

    @Test
    void dividesTheDifferenceByTheEventsValueAsTheStudyDidAndByTheSyncValue() {
        // the study's response times: the REST one 19.18 % above the event-driven one, which is 16.1 % below the REST one
        assertThat(ModeComparisonTable.faster(119.18, 100)).isEqualTo("19.2 % faster (of events; 16.1 % of sync)");
        // and its CPU: the event-driven one 8.52 % above the REST one when divided by itself, 9.3 % by the REST one
        assertThat(ModeComparisonTable.more(91.48, 100)).isEqualTo("8.5 % more (of events; 9.3 % of sync)");
    }

    @Test
    void saysSlowerAndLessWhenEventsLoses() {
        assertThat(ModeComparisonTable.faster(80, 100)).isEqualTo("20.0 % slower (of events; 25.0 % of sync)");
        assertThat(ModeComparisonTable.fewer(0, 2)).isEqualTo("100.0 % more (of events; n/a (base 0) of sync)");
    }

    @Test
    void showsEachLevelAndModeWithTheMedianAndSpreadOverTheRuns() {
        List<ModeComparison.LevelRun> runs = List.of(
                new ModeComparison.LevelRun("sync", "100", 2, List.of(10L, 30L), 0, 0, 1.0, 2),
                new ModeComparison.LevelRun("sync", "100", 2, List.of(20L, 40L), 1, 0, 2.0, 2),
                new ModeComparison.LevelRun("events", "100", 2, List.of(5L, 5L), 0, 0, 1.0, 2),
                new ModeComparison.LevelRun("events", "100", 2, List.of(6L, 6L), 0, 1, 1.0, 2));

        String table = ModeComparisonTable.render(new ModeComparison.Condition("healthy", 0, 0, Duration.ZERO), 1000, runs);

        assertThat(table).contains("| 100 | sync | 15 [10-20] | 35 [30-40] | 35 [30-40] | 25.0 [0.0-50.0] | 0 [0-0] | 0.750 [0.500-1.000] |")
                .contains("| 100 | events | 6 [5-6] |")
                .contains("events vs sync (all levels, medians)").contains(ModeComparison.STUDY);
    }
}
