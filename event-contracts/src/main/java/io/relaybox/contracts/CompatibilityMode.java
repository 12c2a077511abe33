package io.relaybox.contracts;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How a new version of an event's schema must relate to the versions before it, as Confluent Schema Registry defines
 * the modes: BACKWARD, a consumer on the new schema reads events written with the previous one (consumers upgrade first);
 * FORWARD, a consumer on the previous schema reads events written with the new one (producers upgrade first); FULL,
 * both. The transitive forms compare with every earlier version, not only the one before: the archive keeps events of
 * every version forever, and a replay feeds them all to today's consumers.
 */
public enum CompatibilityMode {

    /** Any change is accepted. */
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityMode(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Whether a reader of the new version must read events of the earlier versions. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Whether a reader of an earlier version must read events of the new version. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** The earlier versions a new version is compared with: the one before it, or all of them when transitive. */
    public List<Integer> comparedVersions(int newVersion) {
        if (this == NONE || newVersion <= 1) {
            return List.of();
        }
        return transitive ? IntStream.range(1, newVersion).boxed().toList() : List.of(newVersion - 1);
    }
}
