package io.relaybox.platform.cli;

import io.relaybox.platform.RelayRuntime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --relay connect|embedded} (or {@code RELAYBOX_RELAY}): what carries the outbox tables into Kafka, the Connect
 * worker's Debezium source connectors (the default) or the embedded relay, a JVM of its own that runs the same connector
 * files in Debezium's embedded engine, at least once.
 */
final class RelayOption {

    /** The environment variable that sets the default of {@code --relay}. */
    static final String ENVIRONMENT_VARIABLE = "RELAYBOX_RELAY";

    @Option(names = "--relay", converter = RelayOption.Named.class, defaultValue = "${env:" + ENVIRONMENT_VARIABLE + ":-connect}", paramLabel = "connect|embedded",
            description = "What relays the outbox tables to Kafka: connect (Debezium in the Kafka Connect worker, exactly once; the default) "
                    + "or embedded (Debezium's embedded engine in a JVM of its own, no Connect for the sources, at least once; the sinks "
                    + "still run in Connect). Default from " + ENVIRONMENT_VARIABLE + ", else connect.")
    RelayRuntime relay;

    RelayRuntime runtime() {
        return relay;
    }

    /** {@code connect} or {@code embedded}; anything else is refused naming both. */
    static final class Named implements ITypeConverter<RelayRuntime> {

        @Override
        public RelayRuntime convert(String word) {
            try {
                return RelayRuntime.named(word);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
