package io.relaybox.platform.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-exactly-once} (or {@code RELAYBOX_EXACTLY_ONCE=false}): start the platform with at-least-once sources
 * instead of Kafka Connect's exactly-once source support, for brokers without transactions and for measuring.
 */
final class ExactlyOnceOption {

    /** The environment variable that sets the default of {@code --[no-]exactly-once}. */
    static final String ENVIRONMENT_VARIABLE = "RELAYBOX_EXACTLY_ONCE";

    @Option(names = "--exactly-once", negatable = true, defaultValue = "${env:" + ENVIRONMENT_VARIABLE + ":-true}", fallbackValue = "true",
            description = "Source connectors write each event to Kafka once, in transactions (KIP-618; the default). "
                    + "--no-exactly-once: at least once (a Connect crash may write an event twice; consumers skip it), "
                    + "for brokers without transactions. Default from " + ENVIRONMENT_VARIABLE + " (true or false), else true.")
    boolean exactlyOnce;
}
