package io.relaybox.connect.s3archive.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class FirstCopiesTest {

    private final FirstCopies firstCopies = new FirstCopies();

    @Test
    void deliversTheFirstCopyOfAnEventIdAndTurnsAwayEveryLaterOne() {
        assertThat(firstCopies.deliver(Optional.of("a"))).isTrue();
        assertThat(firstCopies.deliver(Optional.of("b"))).isTrue();
        assertThat(firstCopies.deliver(Optional.of("a"))).isFalse();
        assertThat(firstCopies.deliver(Optional.of("a"))).isFalse();

        assertThat(firstCopies.duplicates()).isEqualTo(2);
    }

    @Test
    void deliversEveryRecordWithoutAnEventIdAndCountsThem() {
        assertThat(firstCopies.deliver(Optional.empty())).isTrue();
        assertThat(firstCopies.deliver(Optional.empty())).isTrue();

        assertThat(firstCopies.withoutEventId()).isEqualTo(2);
        assertThat(firstCopies.duplicates()).isZero();
    }
}
