package io.relaybox.verification.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessUsageTest {

    // pid 4242, a command with spaces and a parenthesis, utime 1500, stime 250, cutime 40, cstime 10
    private static final String STAT = "4242 (postgres: wal (x) sender) S 1 4242 4242 0 -1 4194560 1234 0 0 0 1500 250 40 10 "
            + "20 0 1 0 3456 123456789 2345 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void countsUserAndSystemTicksAfterACommandWithSpacesAndParentheses() {
        assertThat(ProcessUsage.cpuTicks(STAT, false)).isEqualTo(1750);
    }

    @Test
    void addsTheTicksOfReapedChildrenWhenAsked() {
        assertThat(ProcessUsage.cpuTicks(STAT, true)).isEqualTo(1800);
    }

    @Test
    void readsTheResidentSetInKilobytes() {
        assertThat(ProcessUsage.rssKilobytes("Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  524288 kB\nThreads:\t40\n")).isEqualTo(524_288);
    }

    @Test
    void aZombieHasNoResidentSet() {
        assertThat(ProcessUsage.rssKilobytes("Name:\tpostgres\nState:\tZ (zombie)\n")).isZero();
    }

    @Test
    void theCpuOfAnIntervalIsTheDifferenceAndTheMemoryTheLaterReading() {
        ProcessUsage interval = new ProcessUsage(12.5, 300).since(new ProcessUsage(10.0, 100));
        assertThat(interval.cpuSeconds()).isEqualTo(2.5);
        assertThat(interval.rssBytes()).isEqualTo(300);
    }

    @Test
    void theCurrentProcessHasUsedCpuAndMemory() {
        ProcessUsage usage = ProcessUsage.of(ProcessHandle.current().pid());
        assertThat(usage.cpuSeconds()).isPositive();
        assertThat(usage.rssBytes()).isPositive();
    }
}
