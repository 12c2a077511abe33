package io.relaybox.platform.cli;

import io.relaybox.platform.ClusterShape;
import picocli.CommandLine.Option;

/**
 * {@code --brokers N --connect-workers M}: one Kafka broker and one Connect worker by default; a cluster (e.g. 3 and 2)
 * replicates every topic, so that it survives losing a broker, and shares the connectors' tasks among its workers.
 */
final class ClusterOption {

    @Option(names = "--brokers", defaultValue = "1", paramLabel = "N", description = "Kafka brokers, each also a KRaft controller "
            + "(1 to " + ClusterShape.MAX_BROKERS + ", default: ${DEFAULT-VALUE}); with 3 every topic has 3 replicas and a write needs 2.")
    int brokers;

    @Option(names = "--connect-workers", defaultValue = "1", paramLabel = "M", description = "Kafka Connect workers in one group "
            + "(1 to " + ClusterShape.MAX_CONNECT_WORKERS + ", default: ${DEFAULT-VALUE}); a lost worker's tasks move to the others.")
    int connectWorkers;

    /** The shape the options name; out of range, refused naming the option. */
    ClusterShape shape(picocli.CommandLine commandLine) {
        try {
            return new ClusterShape(brokers, connectWorkers);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(commandLine, (brokers < 1 || brokers > ClusterShape.MAX_BROKERS
                    ? "--brokers: " : "--connect-workers: ") + e.getMessage());
        }
    }

    /** The options as the supervisor's command line repeats them. */
    static java.util.List<String> arguments(ClusterShape shape) {
        return java.util.List.of("--brokers=" + shape.brokers(), "--connect-workers=" + shape.connectWorkers());
    }
}
