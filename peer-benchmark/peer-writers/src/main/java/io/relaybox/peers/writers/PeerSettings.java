package io.relaybox.peers.writers;

/**
 * What the driver tells a peer application, as system properties ({@code -Dpeer.…}).
 *
 * @param run the run's name ({@code clean}, {@code kill}): the event ids' prefix and the orders' partition in {@code bench_order}
 * @param events how many orders (and events) the run commits in all, over every process of the run
 * @param writers the writer threads
 * @param topic the Kafka topic the relay publishes to
 * @param jdbcUrl the peer's database
 * @param user its user
 * @param password its password, from the environment variable {@code PEER_PASSWORD} (not on the command line)
 * @param bootstrapServers Kafka
 */
public record PeerSettings(String run, int events, int writers, String topic, String jdbcUrl, String user, String password,
        String bootstrapServers) {

    /** The settings from the system properties; a missing one is an error that names it. */
    public static PeerSettings fromSystemProperties() {
        return new PeerSettings(required("peer.run"), Integer.parseInt(required("peer.events")),
                Integer.parseInt(System.getProperty("peer.writers", "8")), required("peer.topic"), required("peer.jdbc-url"),
                required("peer.user"), passwordFromEnvironment(), required("peer.kafka"));
    }

    private static String passwordFromEnvironment() {
        String password = System.getenv("PEER_PASSWORD");
        if (password == null) {
            throw new IllegalStateException("the environment variable PEER_PASSWORD is required");
        }
        return password;
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is required");
        }
        return value;
    }
}
