package io.relaybox.connectctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import io.relaybox.connectctl.ConnectorStatus;

/**
 * Connectors and their tasks as a table: one row for each connector (TASK {@code -}) and one for each task, with the
 * state, the worker and, for a failure, the first line of its trace and its innermost cause.
 */
final class StatusTable {

    private static final String[] HEADER = {"CONNECTOR", "TASK", "STATE", "WORKER", "FAILURE"};

    private final List<String[]> rows = new ArrayList<>();

    StatusTable add(ConnectorStatus status) {
        rows.add(new String[] {status.name(), "-", status.state(), status.workerId(), failure(status.state(), status.trace())});
        for (ConnectorStatus.TaskStatus task : status.tasks()) {
            rows.add(new String[] {status.name(), Integer.toString(task.id()), task.state(), task.workerId(), failure(task.state(), task.trace())});
        }
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[HEADER.length - 1];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = HEADER[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        line(out, HEADER, widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            line.append(String.format("%-" + widths[column] + "s  ", cells[column]));
        }
        out.println(line.append(cells[cells.length - 1]).toString().stripTrailing());
    }

    static String failure(String state, String trace) {
        if (trace == null || trace.isBlank()) {
            return "";
        }
        String first = ConnectorStatus.firstLine(trace);
        return ConnectorStatus.rootCause(trace).filter(cause -> !first.contains(cause))
                .map(cause -> first + " | caused by: " + cause).orElse(first);
    }
}
