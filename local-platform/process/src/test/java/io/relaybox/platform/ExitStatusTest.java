package io.relaybox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @Test
    void aStatusAbove128IsTheSignalThatEndedTheProcess() {
        assertThat(ExitStatus.of(137).signal()).contains("KILL");
        assertThat(ExitStatus.of(143).signal()).contains("TERM");
        assertThat(ExitStatus.of(137).exitCode()).isEmpty();
    }

    @Test
    void aLowerStatusIsTheProcessesOwnExitCode() {
        assertThat(ExitStatus.of(3).exitCode()).contains(3);
        assertThat(ExitStatus.of(3).signal()).isEmpty();
    }

    @Test
    void anAdoptedProcessesExitIsUnknown() {
        assertThat(ExitStatus.UNKNOWN.exitCode()).isEmpty();
        assertThat(ExitStatus.UNKNOWN.signal()).isEmpty();
    }
}
