package io.relaybox.platform.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-monitoring} (or {@code RELAYBOX_MONITORING=false}): start the platform without the metrics agents, the
 * exporters and Prometheus, to measure what monitoring costs or on a machine too small for it.
 */
final class MonitoringOption {

    /** The environment variable that sets the default of {@code --[no-]monitoring}. */
    static final String ENVIRONMENT_VARIABLE = "RELAYBOX_MONITORING";

    @Option(names = "--monitoring", negatable = true, defaultValue = "${env:" + ENVIRONMENT_VARIABLE + ":-true}", fallbackValue = "true",
            description = "Every process serves Prometheus metrics and Prometheus evaluates the alert rules (the default; Prometheus "
                    + "and the PostgreSQL exporter when installed). --no-monitoring: none of it. Default from "
                    + ENVIRONMENT_VARIABLE + " (true or false), else true.")
    boolean monitoring;
}
