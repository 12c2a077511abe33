package io.relaybox.verification.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a process and its live descendants have used so far, read from {@code /proc}: CPU time (user + system, of the
 * process, of its live descendants, and of the children it has reaped, so a PostgreSQL backend that exited still
 * counts) and resident memory. Linux only; CPU ticks are taken at 100 per second ({@code getconf CLK_TCK} on Linux).
 *
 * @param cpuSeconds CPU seconds used since the process started
 * @param rssBytes the resident set of the process and its live descendants (shared pages counted once per process)
 */
public record ProcessUsage(double cpuSeconds, long rssBytes) {

    public static final ProcessUsage NONE = new ProcessUsage(0, 0);

    private static final double TICKS_PER_SECOND = 100.0;

    /** The process's usage with its live descendants; {@link #NONE} when it is gone or {@code /proc} is absent. */
    public static ProcessUsage of(long pid) {
        ProcessUsage total = own(pid, true);
        return ProcessHandle.of(pid).map(process -> process.descendants()
                .map(child -> own(child.pid(), false))
                .reduce(total, ProcessUsage::plus)).orElse(total);
    }

    public ProcessUsage plus(ProcessUsage other) {
        return new ProcessUsage(cpuSeconds + other.cpuSeconds, rssBytes + other.rssBytes);
    }

    /** The CPU used between an earlier reading and this one; the resident memory of this one. */
    public ProcessUsage since(ProcessUsage earlier) {
        return new ProcessUsage(Math.max(0, cpuSeconds - earlier.cpuSeconds), rssBytes);
    }

    private static ProcessUsage own(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return new ProcessUsage(cpuTicks(stat, withReapedChildren) / TICKS_PER_SECOND, rssKilobytes(status) * 1024);
        } catch (IOException | RuntimeException e) {
            return NONE; // exited between listing and reading
        }
    }

    /**
     * utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), plus cutime + cstime (16 and 17) when asked. The
     * second field, the command in parentheses, may hold spaces: fields are counted after its closing parenthesis.
     */
    static long cpuTicks(String stat, boolean withReapedChildren) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        // fields[0] is field 3 (state): field n is fields[n - 3]
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** The {@code VmRSS} line of {@code /proc/<pid>/status}, in kB; 0 when absent (a zombie). */
    static long rssKilobytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
            }
        }
        return 0;
    }
}
