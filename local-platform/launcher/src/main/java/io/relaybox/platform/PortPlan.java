package io.relaybox.platform;

/**
 * The loopback ports of one platform.
 *
 * @param postgres PostgreSQL
 * @param kafka the broker's client listener
 * @param kafkaController the KRaft controller listener
 * @param connect the Connect worker's REST API
 * @param orders the order monolith's HTTP API
 */
public record PortPlan(int postgres, int kafka, int kafkaController, int connect, int orders) {

    /** Well-known defaults for humans, each replaced by a free port when taken. */
    public static PortPlan preferred() {
        return new PortPlan(FreePort.preferring(15432), FreePort.preferring(19092), FreePort.preferring(19093),
                FreePort.preferring(18083), FreePort.preferring(18080));
    }

    /** Free ports only, so that tests never collide with a running demo or each other. */
    public static PortPlan free() {
        java.util.Set<Integer> ports = new java.util.LinkedHashSet<>();
        while (ports.size() < 5) {
            ports.add(FreePort.any());
        }
        Integer[] p = ports.toArray(Integer[]::new);
        return new PortPlan(p[0], p[1], p[2], p[3], p[4]);
    }
}
