package io.relaybox.connectctl;

import java.util.List;
import java.util.Optional;

/**
 * What {@code GET /connectors/{name}/status} says.
 *
 * @param name the connector
 * @param state the connector's own state (RUNNING, PAUSED, STOPPED, FAILED, UNASSIGNED, RESTARTING)
 * @param workerId the worker that runs the connector
 * @param trace the connector's failure trace, when it failed
 * @param tasks the tasks' states; a RUNNING connector with FAILED tasks moves no data
 */
public record ConnectorStatus(String name, String state, String workerId, String trace, List<TaskStatus> tasks) {

    public ConnectorStatus {
        tasks = List.copyOf(tasks);
    }

    /** True when the connector and every one of its (at least one) tasks run. */
    public boolean isRunning() {
        return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
    }

    /** The first failure, of the connector or of a task. */
    public Optional<String> failure() {
        if ("FAILED".equals(state)) {
            return Optional.of("connector " + name + " FAILED: " + firstLine(trace));
        }
        return tasks.stream().filter(t -> "FAILED".equals(t.state())).findFirst()
                .map(t -> "connector " + name + " task " + t.id() + " FAILED: " + firstLine(t.trace()));
    }

    /** One line for humans: the connector's state and each task's, e.g. {@code RUNNING, task 0 FAILED}. */
    public String summary() {
        StringBuilder summary = new StringBuilder(state);
        tasks.forEach(t -> summary.append(", task ").append(t.id()).append(' ').append(t.state()));
        return tasks.isEmpty() ? summary.append(", no tasks").toString() : summary.toString();
    }

    /** The first line of a stack trace, e.g. the exception and its message; {@code (no trace)} without one. */
    public static String firstLine(String trace) {
        if (trace == null || trace.isBlank()) {
            return "(no trace)";
        }
        int end = trace.indexOf('\n');
        return (end < 0 ? trace : trace.substring(0, end)).strip();
    }

    /**
     * The innermost {@code Caused by:} of a stack trace (what really went wrong, such as a refused password), or empty
     * when the trace has no cause besides its first line.
     */
    public static Optional<String> rootCause(String trace) {
        if (trace == null) {
            return Optional.empty();
        }
        String cause = null;
        for (String line : trace.split("\\R")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).strip();
            }
        }
        return Optional.ofNullable(cause);
    }

    /**
     * One task's state.
     *
     * @param id task number
     * @param state RUNNING, FAILED, ...
     * @param workerId where it runs
     * @param trace the failure's stack trace, when it failed
     */
    public record TaskStatus(int id, String state, String workerId, String trace) {
    }
}
