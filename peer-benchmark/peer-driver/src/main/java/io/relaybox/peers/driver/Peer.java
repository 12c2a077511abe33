package io.relaybox.peers.driver;

import java.nio.file.Path;
import java.util.List;

/**
 * A peer of the benchmark: its application's module and what relays its events.
 *
 * @param name the short name ({@code -Dbench.peers.list})
 * @param title the name in the table
 * @param module the application's module folder under {@code peer-benchmark}; its jar is {@code target/<module>.jar}
 * @param cdc whether the relay is the platform's Connect worker (this platform's CDC path) rather than the application
 */
record Peer(String name, String title, String module, boolean cdc) {

    static final List<Peer> ALL = List.of(
            new Peer("relaybox", "relaybox (CDC: Debezium in Kafka Connect)", "peer-relaybox", true),
            new Peer("gruelbox", "gruelbox transaction-outbox (polling)", "peer-gruelbox", false),
            new Peer("namastack", "namastack outbox (polling)", "peer-namastack", false),
            new Peer("modulith", "Spring Modulith event publication registry", "peer-modulith", false));

    static Peer named(String name) {
        return ALL.stream().filter(peer -> peer.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no peer " + name + "; there are relaybox, gruelbox, namastack, modulith"));
    }

    Path jar(Path home) {
        return home.resolve("peer-benchmark").resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The run's topic: for the CDC path the outbox connector routes {@code <aggregate type>} to {@code <aggregate type>.events}. */
    String topic(String run) {
        return "peer-" + name + "-" + run + ".events";
    }
}
