package io.relaybox.platform;

import java.nio.file.Path;
import java.util.List;

import io.relaybox.topology.ServiceDescriptor;
import io.relaybox.topology.Topology;

/**
 * A service of the platform as the launcher runs it: its topology entry (jar, database, instances in one consumer
 * group, what it consumes, its health endpoint).
 *
 * @param descriptor the service's entry in the topology
 */
public record ServiceKind(ServiceDescriptor descriptor) {

    /** Every service of the platform's topology, in start order. */
    public static List<ServiceKind> all() {
        return Topology.load().services().stream().map(ServiceKind::new).toList();
    }

    /** The service of that name in the platform's topology. */
    public static ServiceKind named(String name) {
        return new ServiceKind(Topology.load().service(name));
    }

    public String name() {
        return descriptor.name();
    }

    public int instances() {
        return descriptor.instances();
    }

    /** Its own database and owner role. */
    public ServiceDatabase database() {
        return new ServiceDatabase(descriptor.database(), descriptor.ownerRole());
    }

    /** The name of one instance: the service's name for a single instance, else with {@code -1}, {@code -2}, ... */
    public String instanceName(int instance) {
        return descriptor.instanceName(instance);
    }

    Path jarIn(Path home) {
        return home.resolve(descriptor.jar());
    }
}
