package io.relaybox.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.relaybox.topology.TopologyException;

/**
 * How to start a local platform.
 *
 * @param layout where the built runtime folders are
 * @param runFolder where logs, data and state go
 * @param ports the loopback ports to use
 * @param startTimeout how long each process may take to become ready
 * @param services the services to run (their databases are prepared and only their connectors registered)
 * @param sinks whether to run Elasticsearch and the S3-compatible server and register the sink connectors that feed
 *        them (off only to measure CDC or the saga without the sinks' load)
 * @param brokerTime the Kafka broker's retention and oldest accepted record time
 * @param serviceAddOns what every service instance gets beyond its own jar (test hooks; nothing for users)
 * @param exactlyOnceSource whether the Connect worker runs exactly-once source support (KIP-618) and the outbox source
 *        connectors require it (the default); off (for brokers without transactions, and to measure) the sources write
 *        at least once: a worker crash may put an event into Kafka twice
 * @param verification whether the platform runs as {@code ./platform verify} needs it: every service instance retains
 *        its outbox rows (the ledger the audit compares the sinks with), and a {@link FaultProxy} stands between Connect
 *        and Elasticsearch and between Connect and the S3 server (off by default)
 * @param monitoring whether the platform serves every process's metrics (metrics agents in the JVMs, the lag and
 *        PostgreSQL exporters) and runs Prometheus with the alert rules (on by default; a missing exporter or Prometheus
 *        binary is reported and skipped)
 * @param relay what carries the outbox tables into Kafka: the Connect worker (the default) or the embedded relay, which
 *        writes at least once (so exactly-once source is off with it)
 * @param cluster how many Kafka brokers and Connect workers run (one of each by default)
 * @param serviceArguments further Spring arguments per service kind name, given to every instance of that kind after
 *        the platform's own (none by default; see {@link #withServiceArguments})
 */
public record PlatformSettings(PlatformLayout layout, Path runFolder, PortPlan ports, Duration startTimeout,
        List<ServiceKind> services, boolean sinks, BrokerTimePolicy brokerTime, ServiceAddOns serviceAddOns,
        boolean exactlyOnceSource, boolean verification, boolean monitoring, RelayRuntime relay, ClusterShape cluster,
        Map<String, List<String>> serviceArguments) {

    public PlatformSettings {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(layout, "layout");
        runFolder = runFolder.toAbsolutePath().normalize();
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(startTimeout, "startTimeout");
        services = List.copyOf(services);
        Objects.requireNonNull(brokerTime, "brokerTime");
        Objects.requireNonNull(serviceAddOns, "serviceAddOns");
        Objects.requireNonNull(serviceArguments, "serviceArguments");
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        serviceArguments.forEach((kind, list) -> arguments.put(kind, List.copyOf(list)));
        serviceArguments = Collections.unmodifiableMap(arguments);
    }

    /** Settings without further service arguments. */
    public PlatformSettings(PlatformLayout layout, Path runFolder, PortPlan ports, Duration startTimeout,
            List<ServiceKind> services, boolean sinks, BrokerTimePolicy brokerTime, ServiceAddOns serviceAddOns,
            boolean exactlyOnceSource, boolean verification, boolean monitoring, RelayRuntime relay, ClusterShape cluster) {
        this(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource,
                verification, monitoring, relay, cluster, Map.of());
    }

    /** Settings running every service and both sinks, with exactly-once source. */
    public PlatformSettings(PlatformLayout layout, Path runFolder, PortPlan ports, Duration startTimeout) {
        this(layout, runFolder, ports, startTimeout, LocalPlatform.SERVICES, true, BrokerTimePolicy.PLATFORM, ServiceAddOns.NONE, true, false, true, RelayRuntime.CONNECT, ClusterShape.SINGLE);
    }

    /** Settings for a test: free ports, the given run folder, every service, the tests' broker time policy. */
    public static PlatformSettings forTests(Path runFolder) {
        return new PlatformSettings(PlatformLayout.detect(), runFolder, PortPlan.free(), Duration.ofSeconds(180), LocalPlatform.SERVICES,
                true, BrokerTimePolicy.TESTS, ServiceAddOns.NONE, true, false, true, RelayRuntime.CONNECT, ClusterShape.SINGLE);
    }

    /** The same settings running only these services (e.g. just the monolith, to measure CDC alone). */
    public PlatformSettings withServices(List<ServiceKind> only) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, only, sinks, brokerTime, serviceAddOns, exactlyOnceSource, verification, monitoring, relay, cluster, serviceArguments);
    }

    /** The same settings with or without Elasticsearch, the S3-compatible server and their sink connectors. */
    public PlatformSettings withSinks(boolean run) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, run, brokerTime, serviceAddOns, exactlyOnceSource, verification, monitoring, relay, cluster, serviceArguments);
    }

    /** The same settings, loading these add-ons into every service instance. */
    public PlatformSettings withServiceAddOns(ServiceAddOns addOns) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, addOns, exactlyOnceSource, verification, monitoring, relay, cluster, serviceArguments);
    }

    /** The same settings with exactly-once source (KIP-618) on, or off: at-least-once, for older brokers and for measuring. */
    public PlatformSettings withExactlyOnceSource(boolean on) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, on, verification, monitoring, relay, cluster, serviceArguments);
    }

    /**
     * The same settings for a verification run, or not: retained outbox rows in every service instance, and fault
     * proxies in front of Elasticsearch and the S3 server (through which the sink connectors write).
     */
    public PlatformSettings withVerification(boolean on) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource, on, monitoring, relay, cluster, serviceArguments);
    }

    /** The same settings with or without the metrics endpoints, the exporters and Prometheus. */
    public PlatformSettings withMonitoring(boolean on) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource,
                verification, on, relay, cluster, serviceArguments);
    }

    /**
     * The same settings with the outbox tables carried by this runtime; the embedded relay writes at least once, so
     * exactly-once source goes off with it.
     */
    public PlatformSettings withRelay(RelayRuntime runtime) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns,
                runtime != RelayRuntime.EMBEDDED && exactlyOnceSource, verification, monitoring, runtime, cluster, serviceArguments);
    }

    /** The same settings, each process given this long to become ready (a loaded machine needs minutes). */
    public PlatformSettings withStartTimeout(Duration timeout) {
        return new PlatformSettings(layout, runFolder, ports, timeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource, verification, monitoring, relay, cluster, serviceArguments);
    }

    /** The same settings with this many brokers and Connect workers. */
    public PlatformSettings withCluster(ClusterShape shape) {
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource,
                verification, monitoring, relay, shape, serviceArguments);
    }

    /**
     * The same settings, giving every instance of one service kind these further Spring arguments (e.g.
     * {@code --relaybox.faults.enabled=true}), after the platform's own; an argument naming a property the platform
     * passes too replaces the platform's (Spring would join both values with a comma). Replaces the arguments given
     * for that kind before; an empty list removes them.
     *
     * @param serviceKindName a service of the topology, e.g. {@code payment-service}
     * @param arguments Spring arguments, each {@code --name=value} (or {@code --name})
     * @throws IllegalArgumentException for a kind the topology does not have, or an argument without {@code --}
     */
    public PlatformSettings withServiceArguments(String serviceKindName, List<String> arguments) {
        Objects.requireNonNull(serviceKindName, "serviceKindName");
        Objects.requireNonNull(arguments, "arguments");
        try {
            ServiceKind.named(serviceKindName); // a misspelt kind would otherwise be ignored silently
        } catch (TopologyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (String argument : arguments) {
            // Spring Boot ignores an argument without "--" (a non-option argument) without a word
            if (argument == null || !argument.startsWith("--") || argument.length() == 2) {
                throw new IllegalArgumentException("a service argument must be --name=value, was: " + argument);
            }
        }
        Map<String, List<String>> next = new LinkedHashMap<>(serviceArguments);
        if (arguments.isEmpty()) {
            next.remove(serviceKindName);
        } else {
            next.put(serviceKindName, arguments);
        }
        return new PlatformSettings(layout, runFolder, ports, startTimeout, services, sinks, brokerTime, serviceAddOns, exactlyOnceSource,
                verification, monitoring, relay, cluster, next);
    }
}
