package io.relaybox.order.sync;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service's instances taken in turn: each call starts on the next instance, and each retry of a call moves on to
 * the instance after the one it last tried. One rotation per service, so that calls to one service do not shift where
 * another's go (with a shared counter, two services of two instances each, called once per order, would each get
 * every call on one instance).
 */
final class InstanceRotation {

    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();

    InstanceRotation(List<URI> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one instance");
        }
        this.instances = List.copyOf(instances);
    }

    /** The instances one call tries, in order: its {@code attempt}-th attempt (0 for the first) goes to the returned one. */
    Call call() {
        int first = Math.floorMod(next.getAndIncrement(), instances.size());
        return attempt -> instances.get((first + attempt) % instances.size());
    }

    /** Where a call's attempts go. */
    interface Call {

        URI instanceFor(int attempt);
    }
}
