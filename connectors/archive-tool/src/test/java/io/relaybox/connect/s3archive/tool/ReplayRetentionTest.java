package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReplayRetentionTest {

    private static final long SEVEN_DAYS = Duration.ofDays(7).toMillis();
    private final Instant now = Instant.now();

    @Test
    void refusesRecordsOlderThanTheTargetsRetention() {
        LocalDate monthAgo = now.minus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toLocalDate();

        assertThat(ReplayRetention.problem(Optional.of(monthAgo), SEVEN_DAYS, now, "orders.rebuilt")).hasValueSatisfying(
                message -> assertThat(message).contains("orders.rebuilt").contains("retention.ms=604800000").contains("--ignore-retention"));
    }

    @Test
    void acceptsRecentRecordsUnlimitedRetentionAndAnEmptyArchive() {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate monthAgo = now.minus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toLocalDate();

        assertThat(ReplayRetention.problem(Optional.of(today), SEVEN_DAYS, now, "t")).isEmpty();
        assertThat(ReplayRetention.problem(Optional.of(monthAgo), -1, now, "t")).isEmpty();
        assertThat(ReplayRetention.problem(Optional.empty(), SEVEN_DAYS, now, "t")).isEmpty();
    }
}
