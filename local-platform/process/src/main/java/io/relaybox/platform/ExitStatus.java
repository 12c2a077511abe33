package io.relaybox.platform;

import java.util.Map;
import java.util.Optional;

/**
 * How a process ended: its exit status, or the signal that ended it (the JDK reports a process ended by signal n as
 * status 128 + n, as shells do), or unknown (a process adopted by PID, not our child).
 *
 * @param code the exit status, empty when unknown
 */
public record ExitStatus(Optional<Integer> code) {

    private static final Map<Integer, String> SIGNAL_NAMES = Map.of(1, "HUP", 2, "INT", 3, "QUIT", 4, "ILL", 6, "ABRT", 8, "FPE",
            9, "KILL", 11, "SEGV", 13, "PIPE", 15, "TERM");

    public static final ExitStatus UNKNOWN = new ExitStatus(Optional.empty());

    public static ExitStatus of(int code) {
        return new ExitStatus(Optional.of(code));
    }

    /** The signal's name (KILL, TERM, ...; SIG42 for one without a name here) when a signal ended the process. */
    public Optional<String> signal() {
        return code.filter(c -> c > 128 && c < 128 + 65).map(c -> SIGNAL_NAMES.getOrDefault(c - 128, "SIG" + (c - 128)));
    }

    /** The exit status, unless a signal ended the process. */
    public Optional<Integer> exitCode() {
        return signal().isPresent() ? Optional.empty() : code;
    }
}
