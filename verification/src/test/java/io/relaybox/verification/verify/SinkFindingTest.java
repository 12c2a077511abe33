package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SinkFindingTest {

    private static final Set<String> EXPECTED = Set.of("e1", "e2", "e3", "e4");
    private static final Predicate<String> COMMITTED = id -> id.startsWith("e") || id.equals("old");

    @Test
    void countsEveryExpectedEventHeldOnceAsDelivered() {
        SinkFinding finding = SinkFinding.of(EXPECTED, COMMITTED, new Deliveries("archive", Map.of("e1", 1L, "e2", 1L, "e3", 1L, "e4", 1L), 0, true));

        assertThat(finding.tally()).isEqualTo(new SinkTally("archive", 4, 4, 0, 0, 0));
        assertThat(finding.violations()).isEmpty();
    }

    @Test
    void namesTheExpectedEventsTheSinkLacksAsLost() {
        SinkFinding finding = SinkFinding.of(EXPECTED, COMMITTED, new Deliveries("elasticsearch", Map.of("e1", 1L, "e3", 1L), 0, true));

        assertThat(finding.tally()).isEqualTo(new SinkTally("elasticsearch", 4, 2, 0, 0, 2));
        assertThat(finding.lost()).containsExactly("e2", "e4");
        assertThat(finding.violations()).containsExactly("elasticsearch lacks 2 of 4 committed events: e2, e4");
    }

    @Test
    void countsExtraCopiesAsDuplicatesDeliveredWhereASecondCopyIsNotAllowed() {
        SinkFinding finding = SinkFinding.of(EXPECTED, COMMITTED,
                new Deliveries("archive", Map.of("e1", 3L, "e2", 2L, "e3", 1L, "e4", 1L), 0, true));

        assertThat(finding.tally()).isEqualTo(new SinkTally("archive", 4, 4, 3, 0, 0));
        assertThat(finding.duplicated()).containsExactly("e1", "e2");
        assertThat(finding.violations()).containsExactly("archive holds 2 events more than once (3 extra copies): e1, e2");
    }

    @Test
    void countsExtraCopiesAsSuppressedWhereReadersDropThem() {
        // Kafka without exactly-once source: at-least-once CDC may re-send, every reader deduplicates by event id
        SinkFinding finding = SinkFinding.of(EXPECTED, COMMITTED,
                new Deliveries("kafka", Map.of("e1", 2L, "e2", 1L, "e3", 1L, "e4", 1L), 5, false));

        assertThat(finding.tally()).isEqualTo(new SinkTally("kafka", 4, 4, 0, 6, 0));
        assertThat(finding.duplicated()).isEmpty();
        assertThat(finding.violations()).isEmpty();
    }

    @Test
    void namesEventsNoOutboxCommittedAsViolations() {
        SinkFinding finding = SinkFinding.of(EXPECTED, COMMITTED,
                new Deliveries("kafka", Map.of("e1", 1L, "e2", 1L, "e3", 1L, "e4", 1L, "forged", 1L, "old", 1L), 0, true));

        assertThat(finding.unknown()).containsExactly("forged");
        assertThat(finding.tally().lost()).isZero();
        assertThat(finding.violations()).containsExactly("kafka holds 1 events that no outbox committed: forged");
    }

    @Test
    void namesTheFirstTwentyIdsAndCountsTheRest() {
        Set<String> many = IntStream.range(0, 25).mapToObj(i -> String.format("e%02d", i)).collect(Collectors.toSet());

        SinkFinding finding = SinkFinding.of(many, COMMITTED, new Deliveries("archive", Map.of(), 0, true));

        assertThat(finding.tally().lost()).isEqualTo(25);
        assertThat(finding.violations()).singleElement().asString().endsWith("e19 and 5 more").doesNotContain("e20");
    }
}
