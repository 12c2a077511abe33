package io.relaybox.connectctl;

import java.util.List;
import java.util.stream.Collectors;

/** Some connectors of a set cannot be applied; none of the set was. The message lists every problem, one per line. */
public class InvalidConnectorsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConnectorProblem> problems;

    public InvalidConnectorsException(List<ConnectorProblem> problems) {
        super(problems.size() + " problem(s), nothing was applied:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConnectorProblem> problems() {
        return problems;
    }
}
