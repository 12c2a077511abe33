package io.relaybox.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.relaybox.problem.InvalidRequestException;

class SpanTest {

    @Test
    void defaultsToTheLastStretchBeforeNow() {
        StatsController.Span span = StatsController.Span.of(null, null, Duration.ofHours(1));

        assertThat(Duration.between(span.from(), span.to())).isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
        assertThat(span.to()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void refusesATimeThatIsNoInstantAndASpanLongerThanTheStoresKeepNamingTheParameter() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> StatsController.Span.of("yesterday", null, Duration.ofHours(1))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(v -> v.field()).containsExactly("from"));
        assertThatThrownBy(() -> StatsController.Span.of(now.minus(Duration.ofDays(8)).toString(), now.toString(), Duration.ofHours(1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations().get(0).message()).contains("7 days"));
        assertThatThrownBy(() -> StatsController.Span.of(now.toString(), now.minusSeconds(60).toString(), Duration.ofHours(1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations().get(0).message()).contains("must not be after 'to'"));
    }

    @Test
    void refusesAnInstantBeforeTheEpochOrPastTheYear9999NamingTheParameter() {
        assertThatThrownBy(() -> StatsController.Span.of("+1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", Duration.ofHours(1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).extracting(v -> v.field()).containsExactly("to", "from"));
        assertThatThrownBy(() -> StatsController.Span.of("1969-12-31T23:59:59Z", null, Duration.ofHours(1)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations().get(0).message()).startsWith("must be between 1970"));
    }
}
