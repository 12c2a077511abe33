package io.relaybox.platform;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;

/**
 * The loopback ports of one platform.
 *
 * @param postgres PostgreSQL
 * @param kafka the broker's client listener
 * @param kafkaController the KRaft controller listener
 * @param connect the Connect worker's REST API
 * @param elasticsearch Elasticsearch's HTTP API
 * @param elasticsearchTransport Elasticsearch's transport (node-to-node) port
 * @param s3 the S3-compatible server's HTTP API
 * @param smtp the mail server's SMTP port
 * @param mailApi the mail server's HTTP API (what it received)
 * @param services the HTTP port of each service instance, by instance name (e.g. {@code inventory-service-2})
 * @param monitoring the other named ports, by the names of {@link #MONITORING_DEFAULTS}: the metrics endpoints, Prometheus,
 *        the embedded relay's status, and a cluster's further brokers and Connect workers
 */
public record PortPlan(int postgres, int kafka, int kafkaController, int connect, int elasticsearch, int elasticsearchTransport,
        int s3, int smtp, int mailApi, Map<String, Integer> services, Map<String, Integer> monitoring) {

    /** The metrics agents' ports ({@code <process>-metrics}), the exporters' and Prometheus's, with their defaults. */
    public static final Map<String, Integer> MONITORING_DEFAULTS = monitoringDefaults();

    /** How many ports besides the services' and the monitoring ones the platform needs. */
    private static final int INFRASTRUCTURE_PORTS = 9;

    /** The well-known defaults of the service instances, for humans. */
    static final Map<String, Integer> DEFAULT_SERVICE_PORTS = defaults();

    public PortPlan {
        services = Map.copyOf(services);
        // a plan saved before the monitoring ports existed gets them now
        Map<String, Integer> complete = new LinkedHashMap<>(monitoring == null ? Map.of() : monitoring);
        MONITORING_DEFAULTS.forEach((name, port) -> complete.computeIfAbsent(name, key -> FreePort.preferring(port)));
        monitoring = java.util.Collections.unmodifiableMap(complete);
    }

    /** A plan without monitoring ports of its own: they are the defaults, or free ports where those are taken. */
    public PortPlan(int postgres, int kafka, int kafkaController, int connect, int elasticsearch, int elasticsearchTransport,
            int s3, int smtp, int mailApi, Map<String, Integer> services) {
        this(postgres, kafka, kafkaController, connect, elasticsearch, elasticsearchTransport, s3, smtp, mailApi, services, null);
    }

    /** The port of a metrics endpoint or of Prometheus, by its name in {@link #MONITORING_DEFAULTS}. */
    public int monitoring(String name) {
        Integer port = monitoring.get(name);
        if (port == null) {
            throw new PlatformException("no monitoring port planned for " + name + "; there are " + monitoring.keySet());
        }
        return port;
    }

    private static Map<String, Integer> monitoringDefaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka-metrics", 19404);
        ports.put("connect-metrics", 19405);
        ports.put("s3-metrics", 19406);
        ports.put("mail-metrics", 19407);
        ports.put("relay-metrics", 19408);
        ports.put("postgres-exporter", 19187);
        ports.put("elasticsearch-exporter", 19114);
        ports.put("lag-exporter", 19308);
        ports.put("prometheus", 19090);
        // not a metrics endpoint: the embedded relay's status (when it runs), planned with them
        ports.put("relay", 18084);
        // nor these: a cluster's further brokers (client and controller listeners) and Connect workers, and their metrics
        for (int node = 2; node <= ClusterShape.MAX_BROKERS; node++) {
            ports.put(ClusterShape.brokerName(node), 19090 + 2 * node);
            ports.put(ClusterShape.brokerName(node) + "-controller", 19091 + 2 * node);
            ports.put(ClusterShape.brokerName(node) + "-metrics", 19407 + node);
        }
        for (int worker = 2; worker <= ClusterShape.MAX_CONNECT_WORKERS; worker++) {
            ports.put(ClusterShape.workerName(worker), 18083 + worker);
            ports.put(ClusterShape.workerName(worker) + "-metrics", 19409 + ClusterShape.MAX_BROKERS + worker);
        }
        return java.util.Collections.unmodifiableMap(ports);
    }

    /**
     * Well-known defaults (15432, 19092, 19093, 18083, 19200, 19300, 19000, 13025, 18025, the services' ports of the topology,
     * and the monitoring ports of {@link #MONITORING_DEFAULTS}),
     * each replaced by a free port when taken.
     */
    public static PortPlan preferred() {
        Map<String, Integer> services = new LinkedHashMap<>();
        DEFAULT_SERVICE_PORTS.forEach((name, port) -> services.put(name, FreePort.preferring(port)));
        Map<String, Integer> monitoring = new LinkedHashMap<>();
        MONITORING_DEFAULTS.forEach((name, port) -> monitoring.put(name, FreePort.preferring(port)));
        return new PortPlan(FreePort.preferring(15432), FreePort.preferring(19092), FreePort.preferring(19093),
                FreePort.preferring(18083), FreePort.preferring(19200), FreePort.preferring(19300), FreePort.preferring(19000),
                FreePort.preferring(13025), FreePort.preferring(18025), services, monitoring);
    }

    /** Free ports only, so that tests never collide with a running demo or each other. */
    public static PortPlan free() {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < INFRASTRUCTURE_PORTS + DEFAULT_SERVICE_PORTS.size() + MONITORING_DEFAULTS.size()) {
            ports.add(FreePort.any());
        }
        Integer[] p = ports.toArray(Integer[]::new);
        Map<String, Integer> services = new LinkedHashMap<>();
        int next = INFRASTRUCTURE_PORTS;
        for (String name : DEFAULT_SERVICE_PORTS.keySet()) {
            services.put(name, p[next++]);
        }
        Map<String, Integer> monitoring = new LinkedHashMap<>();
        for (String name : MONITORING_DEFAULTS.keySet()) {
            monitoring.put(name, p[next++]);
        }
        return new PortPlan(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], services, monitoring);
    }

    /** The first {@code count} Kafka nodes: node 1 on {@link #kafka()} and {@link #kafkaController()}, the others on theirs. */
    public java.util.List<KafkaBroker.Node> kafkaNodes(int count) {
        java.util.List<KafkaBroker.Node> nodes = new java.util.ArrayList<>(java.util.List.of(new KafkaBroker.Node(1, kafka, kafkaController)));
        for (int node = 2; node <= count; node++) {
            String name = ClusterShape.brokerName(node);
            nodes.add(new KafkaBroker.Node(node, monitoring(name), monitoring(name + "-controller")));
        }
        return nodes;
    }

    /** The REST port of Connect worker {@code worker} (1-based): {@link #connect()} for the first. */
    public int connectWorker(int worker) {
        return worker == 1 ? connect : monitoring(ClusterShape.workerName(worker));
    }

    /** The HTTP port of the service instance. */
    public int service(String instanceName) {
        Integer port = services.get(instanceName);
        if (port == null) {
            throw new PlatformException("no port planned for " + instanceName);
        }
        return port;
    }

    /** Each instance's port as the topology names it. */
    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceDescriptor service : Topology.load().services()) {
            for (int instance = 1; instance <= service.instances(); instance++) {
                ports.put(service.instanceName(instance), service.ports().get(instance - 1));
            }
        }
        return java.util.Collections.unmodifiableMap(ports);
    }
}
