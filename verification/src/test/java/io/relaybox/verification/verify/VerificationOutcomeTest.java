package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class VerificationOutcomeTest {

    private static final LoadTally LOAD = new LoadTally(100, 90, 4, 6, 0);
    private static final FaultRecord RECOVERED = new FaultRecord(FaultKind.CONNECT_KILL, "connect", Instant.now(), Duration.ofSeconds(20),
            Optional.of(Duration.ofSeconds(12)), "");
    private static final FaultRecord NOT_RECOVERED = new FaultRecord(FaultKind.KAFKA_RESTART, "kafka", Instant.now(),
            Duration.ofSeconds(40), Optional.empty(), "kafka was not ready within 240 s");

    @Test
    void endsWithTheVerifyLine() {
        VerificationOutcome outcome = outcome(List.of(RECOVERED), new SinkTally("archive", 300, 300, 0, 2, 0), List.of());

        assertThat(outcome.verifyLine()).isEqualTo("VERIFY orders=90 events=300 faults=1 lost=0 duplicates=0 invariants=ok seed=42 seconds=200");
        assertThat(outcome.report()).last().isEqualTo(outcome.verifyLine());
        assertThat(outcome.report()).anySatisfy(line -> assertThat(line).startsWith("archive").contains("300"));
        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void failsWhenAnEventIsLost() {
        VerificationOutcome outcome = outcome(List.of(RECOVERED), new SinkTally("archive", 300, 299, 0, 0, 1), List.of());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.verifyLine()).contains("lost=1");
    }

    @Test
    void failsWhenAnEventIsDeliveredTwice() {
        VerificationOutcome outcome = outcome(List.of(RECOVERED), new SinkTally("archive", 300, 300, 3, 0, 0), List.of());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.verifyLine()).contains("duplicates=3");
    }

    @Test
    void failsWhenAnInvariantBreaks() {
        VerificationOutcome outcome = outcome(List.of(RECOVERED), new SinkTally("archive", 300, 300, 0, 0, 0),
                List.of("order 7 is not terminal"));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.verifyLine()).contains("invariants=broken");
        assertThat(outcome.report()).contains("broken: order 7 is not terminal");
    }

    @Test
    void aFaultThePlatformDidNotRecoverFromBreaksTheInvariants() {
        VerificationOutcome outcome = outcome(List.of(RECOVERED, NOT_RECOVERED), new SinkTally("archive", 300, 300, 0, 0, 0), List.of());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.verifyLine()).contains("faults=2").contains("invariants=broken");
        assertThat(outcome.report()).anySatisfy(line -> assertThat(line).contains("not recovered from kafka-restart"));
    }

    private static VerificationOutcome outcome(List<FaultRecord> faults, SinkTally sink, List<String> violations) {
        return new VerificationOutcome(42, LOAD, faults, new AuditReport(90, 300, List.of(sink), violations), Duration.ofSeconds(200));
    }
}
