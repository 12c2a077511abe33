package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    private static final Duration LOAD = Duration.ofMinutes(3);
    private static final List<FaultKind> ALL = List.of(FaultKind.values());

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(FaultSchedule.of(42, LOAD, ALL, 25)).isEqualTo(FaultSchedule.of(42, LOAD, ALL, 25));
    }

    @Test
    void anotherSeedGivesAnotherSchedule() {
        assertThat(FaultSchedule.of(42, LOAD, ALL, 25).faults()).isNotEqualTo(FaultSchedule.of(43, LOAD, ALL, 25).faults());
    }

    @Test
    void everyChosenKindFiresAtLeastOnceAndNoOtherKind() {
        List<FaultKind> chosen = List.of(FaultKind.CONNECT_KILL, FaultKind.S3_UNAVAILABLE, FaultKind.GROUP_REWIND);
        for (long seed = 0; seed < 50; seed++) {
            FaultSchedule schedule = FaultSchedule.of(seed, LOAD, chosen, 7);

            assertThat(schedule.faults()).hasSize(7).extracting(ScheduledFault::kind).containsAll(chosen).isSubsetOf(chosen);
        }
    }

    @Test
    void faultsAreSpreadOverTheLoadInOrder() {
        int count = ALL.size() + 1;
        FaultSchedule schedule = FaultSchedule.of(7, LOAD, ALL, count);
        List<Duration> times = schedule.faults().stream().map(ScheduledFault::at).toList();

        assertThat(times).hasSize(count).isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(162)));
        // one fault in each equal slot of the middle 80 % (144 s)
        long slot = 144_000L / count;
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)).isBetween(Duration.ofMillis(18_000 + slot * i), Duration.ofMillis(18_000 + slot * (i + 1)));
        }
    }

    @Test
    void refusesFewerFaultsThanKinds() {
        assertThatThrownBy(() -> FaultSchedule.of(1, LOAD, ALL, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every kind fires at least once");
    }

    @Test
    void refusesNoKinds() {
        assertThatThrownBy(() -> FaultSchedule.of(1, LOAD, List.of(), 3)).hasMessageContaining("no fault kinds");
    }
}
