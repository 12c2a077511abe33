package io.relaybox.relay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.relaybox.connectctl.ConnectorDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The relay process: runs each given outbox source connector file in Debezium's embedded engine until stopped (SIGTERM:
 * each engine commits the offset of what Kafka acknowledged and closes), or until one connector fails (exit status 1, so that a
 * supervisor restarts it from the committed offsets).
 */
@Command(name = "outbox-relay", mixinStandardHelpOptions = true, description = "Relays the outbox tables to Kafka without Kafka Connect.")
public final class OutboxRelay implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    @Option(names = "--bootstrap-servers", required = true, description = "the Kafka cluster")
    String bootstrapServers;

    @Option(names = "--connector", required = true, description = "an outbox source connector file (repeatable)")
    List<Path> connectorFiles;

    @Option(names = "--set", description = "KEY=VALUE: a setting for every connector, over its file's (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--offsets-topic", description = "the topic of the source offsets (default: ${DEFAULT-VALUE})")
    String offsetsTopic = RelaySettings.DEFAULT_OFFSETS_TOPIC;

    @Option(names = "--replication-factor", description = "of the offsets topic and the topics created, unless a connector file "
            + "names its own; -1: the broker's default.replication.factor (default: ${DEFAULT-VALUE})")
    short replicationFactor = -1;

    @Option(names = "--status-port", description = "the loopback port of GET /status (default: ${DEFAULT-VALUE}, 0: any)")
    int statusPort = 0;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OutboxRelay()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        RelaySettings settings = new RelaySettings(bootstrapServers, offsetsTopic, replicationFactor);
        List<RelayedConnector> connectors = new ArrayList<>();
        for (Path file : connectorFiles) {
            ConnectorDefinition connector = ConnectorDefinition.read(file).withSettings(overrides);
            connectors.add(new RelayedConnector(connector.name(), ConfigProviders.resolve(connector.config()), settings));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> connectors.forEach(RelayedConnector::close), "relay-shutdown"));
        try (StatusServer status = new StatusServer(statusPort, connectors)) {
            for (RelayedConnector connector : connectors) {
                LOG.info("relaying {} to {} (offsets in {}); status at http://127.0.0.1:{}/status", connector.name(), bootstrapServers,
                        offsetsTopic, status.port());
                connector.start();
            }
            CompletableFuture.anyOf(connectors.stream().map(RelayedConnector::stopped).toArray(CompletableFuture[]::new)).join();
            String failure = connectors.stream().map(connector -> connector.stopped().getNow(null)).filter(reason -> reason != null)
                    .findFirst().orElse(null);
            if (failure != null) {
                LOG.error("a connector failed, the relay stops: {}", failure);
                return 1;
            }
            return 0;
        }
    }
}
