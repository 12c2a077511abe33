package io.relaybox.connectctl;

/**
 * One thing wrong with a connector to apply: a field error from the worker's validation, an unresolvable
 * placeholder, a literal secret, a suspected rename.
 *
 * @param connector the connector's name
 * @param source where the connector was read from (a file), or {@code connector <name>}
 * @param key the setting concerned, or {@code name} / {@code connector.class} for the connector as a whole
 * @param message what is wrong, without any secret value
 */
public record ConnectorProblem(String connector, String source, String key, String message) {

    static ConnectorProblem of(ConnectorDefinition connector, String key, String message) {
        return new ConnectorProblem(connector.name(), connector.source(), key, message);
    }

    /** One line: {@code FILE (CONNECTOR): KEY: MESSAGE}. */
    @Override
    public String toString() {
        String where = source.equals("connector " + connector) ? source : source + " (" + connector + ")";
        return where + ": " + key + ": " + message;
    }
}
