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
 */
public record PortPlan(int postgres, int kafka, int kafkaController, int connect, int elasticsearch, int elasticsearchTransport,
        int s3, int smtp, int mailApi, Map<String, Integer> services) {

    /** How many ports besides the services' the platform needs. */
    private static final int INFRASTRUCTURE_PORTS = 9;

    /** The well-known defaults of the service instances, for humans. */
    static final Map<String, Integer> DEFAULT_SERVICE_PORTS = defaults();

    public PortPlan {
        services = Map.copyOf(services);
    }

    /**
     * Well-known defaults (15432, 19092, 19093, 18083, 19200, 19300, 19000, 13025, 18025, and the services' ports of the topology),
     * each replaced by a free port when taken.
     */
    public static PortPlan preferred() {
        Map<String, Integer> services = new LinkedHashMap<>();
        DEFAULT_SERVICE_PORTS.forEach((name, port) -> services.put(name, FreePort.preferring(port)));
        return new PortPlan(FreePort.preferring(15432), FreePort.preferring(19092), FreePort.preferring(19093),
                FreePort.preferring(18083), FreePort.preferring(19200), FreePort.preferring(19300), FreePort.preferring(19000),
                FreePort.preferring(13025), FreePort.preferring(18025), services);
    }

    /** Free ports only, so that tests never collide with a running demo or each other. */
    public static PortPlan free() {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < INFRASTRUCTURE_PORTS + DEFAULT_SERVICE_PORTS.size()) {
            ports.add(FreePort.any());
        }
        Integer[] p = ports.toArray(Integer[]::new);
        Map<String, Integer> services = new LinkedHashMap<>();
        int next = INFRASTRUCTURE_PORTS;
        for (String name : DEFAULT_SERVICE_PORTS.keySet()) {
            services.put(name, p[next++]);
        }
        return new PortPlan(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], services);
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
