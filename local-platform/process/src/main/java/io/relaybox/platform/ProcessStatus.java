package io.relaybox.platform;

import java.time.Instant;
import java.util.Optional;

/**
 * One supervised process as its supervisor last saw it.
 *
 * @param name e.g. {@code connect}
 * @param state where it stands
 * @param pid its PID (of the last process, when it does not run), empty when it never ran
 * @param restarts how often it was restarted after an exit nobody asked for (crashes and fault drills)
 * @param exitCode the exit status of its last unasked exit, when it ended by itself and the status is known
 * @param signal the signal that ended it last, e.g. {@code KILL}
 * @param since when it entered this state
 */
public record ProcessStatus(String name, ProcessState state, Optional<Long> pid, int restarts, Optional<Integer> exitCode,
        Optional<String> signal, Instant since) {

    /** The state for humans: {@code RUNNING}, {@code EXITED (3)}, {@code KILLED (KILL)}, {@code EXITED (?)} when unknown. */
    public String describe() {
        return describe(state, exitCode.orElse(null), signal.orElse(null));
    }

    /** See {@link #describe()}. */
    public static String describe(ProcessState state, Integer exitCode, String signal) {
        return switch (state) {
            case EXITED -> "EXITED (" + (exitCode == null ? "?" : exitCode) + ")";
            case KILLED -> "KILLED (" + signal + ")";
            default -> state.name();
        };
    }

    ProcessStatus with(ProcessState newState) {
        return new ProcessStatus(name, newState, pid, restarts, exitCode, signal, Instant.now());
    }

}
