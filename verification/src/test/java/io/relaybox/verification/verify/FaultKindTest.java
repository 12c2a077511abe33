package io.relaybox.verification.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultKindTest {

    @Test
    void allNamesEveryKind() {
        assertThat(FaultKind.parseList("all")).containsExactly(FaultKind.values());
    }

    @Test
    void readsACommaSeparatedListOnceEachInDeclarationOrder() {
        assertThat(FaultKind.parseList("kafka-restart, connect-kill,kafka-restart")).containsExactly(FaultKind.CONNECT_KILL,
                FaultKind.KAFKA_RESTART);
    }

    @Test
    void namesTheUnknownKindAndTheKnownOnes() {
        assertThatThrownBy(() -> FaultKind.parseList("connect-kill,disk-full")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'disk-full'").hasMessageContaining("group-rewind");
    }
}
