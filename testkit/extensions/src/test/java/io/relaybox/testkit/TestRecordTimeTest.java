package io.relaybox.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.relaybox.platform.BrokerTimePolicy;

class TestRecordTimeTest {

    @Test
    void isTwoHoursBeforeNowDuringTheDay() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(13)).plusMillis(1_234);

        assertThat(TestRecordTime.baseFor(now)).isEqualTo(now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void staysOnTodaysDateShortlyAfterMidnight() {
        Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);

        assertThat(TestRecordTime.baseFor(midnight.plus(Duration.ofMinutes(30)))).isEqualTo(midnight);
    }

    @Test
    void leavesAtLeastTwoHoursOfRecordTimeOnTheSameDateAtAnyTimeOfDay() {
        Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int minute = 0; minute < 24 * 60; minute += 7) {
            Instant now = midnight.plus(Duration.ofMinutes(minute));
            Instant base = TestRecordTime.baseFor(now);

            assertThat(base).isBeforeOrEqualTo(now);
            assertThat(base.plus(Duration.ofHours(2)).minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate())
                    .isEqualTo(base.atZone(ZoneOffset.UTC).toLocalDate());
        }
    }

    @Test
    void isAcceptedByTheTestBrokersForTheWholeRun() {
        Duration oldestAccepted = BrokerTimePolicy.TESTS.oldestAccepted().orElseThrow();

        assertThat(Duration.between(TestRecordTime.base(), Instant.now())).isLessThan(oldestAccepted.minus(Duration.ofHours(12)));
    }
}
