package io.relaybox.topology;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of the platform, in start order, read from {@code io/relaybox/topology/services.json}. Adding a
 * service is one entry there (see {@code docs/adding-a-service.md}); whatever needs to know the services derives from
 * this.
 *
 * @param services every service, in start order
 */
public record Topology(List<ServiceDescriptor> services) {

    /** Where the platform's topology lies on the class path. */
    public static final String RESOURCE = "io/relaybox/topology/services.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public Topology {
        services = List.copyOf(services == null ? List.of() : services);
        if (services.isEmpty()) {
            throw new TopologyException("the topology names no service");
        }
        unique(services.stream().map(ServiceDescriptor::name).toList(), "name");
        unique(services.stream().filter(ServiceDescriptor::hasDatabase).map(ServiceDescriptor::database).toList(), "database");
        unique(services.stream().flatMap(service -> service.ports().stream()).map(String::valueOf).toList(), "port");
        unique(services.stream().flatMap(service -> service.publishes().stream()).toList(), "published aggregate type");
        unique(services.stream().flatMap(service -> service.endpointName().stream()).toList(), "endpoint");
        List<String> published = eventTopicsOf(services);
        for (ServiceDescriptor service : services) {
            for (String topic : service.consumes()) {
                if (!published.contains(topic)) {
                    throw new TopologyException("service '" + service.name() + "' consumes '" + topic
                            + "', which no service publishes (published: " + published + ")");
                }
            }
        }
    }

    /** The platform's topology, read from the class path once per class loader (it is immutable). */
    public static Topology load() {
        return Loaded.TOPOLOGY;
    }

    /** Holds the class path's topology, read on first use. */
    private static final class Loaded {
        static final Topology TOPOLOGY = read();
    }

    private static Topology read() {
        try (InputStream in = Topology.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TopologyException(RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TopologyException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A topology from its JSON: {@code {"services": [ ... ]}}. */
    public static Topology parse(String json) {
        try {
            return JSON.readValue(json, Topology.class);
        } catch (JacksonException e) {
            if (e.getCause() instanceof TopologyException invalid) {
                throw invalid;
            }
            throw new TopologyException("the topology is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** The service of that name. */
    public ServiceDescriptor service(String name) {
        return find(name).orElseThrow(() -> new TopologyException("no service '" + name + "' in the topology; there are "
                + services.stream().map(ServiceDescriptor::name).toList()));
    }

    /** The service of that name, if there is one. */
    public Optional<ServiceDescriptor> find(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** Every event topic some service publishes to, in the services' order. */
    public List<String> eventTopics() {
        return eventTopicsOf(services);
    }

    private static List<String> eventTopicsOf(List<ServiceDescriptor> services) {
        Set<String> topics = new LinkedHashSet<>();
        services.forEach(service -> topics.addAll(service.publishedTopics()));
        return List.copyOf(topics);
    }

    /** The service whose outbox feeds the topic. */
    public ServiceDescriptor publisherOf(String topic) {
        return services.stream().filter(service -> service.publishedTopics().contains(topic)).findFirst()
                .orElseThrow(() -> new TopologyException("no service publishes '" + topic + "'"));
    }

    /** The services that consume the topic. */
    public List<ServiceDescriptor> consumersOf(String topic) {
        return services.stream().filter(service -> service.consumes().contains(topic)).toList();
    }

    /** The services that consume anything. */
    public List<ServiceDescriptor> consumers() {
        return services.stream().filter(service -> !service.consumes().isEmpty()).toList();
    }

    /** The services that apply events through the inbox (their {@code processed_event} rows, {@code /inbox/stats}). */
    public List<ServiceDescriptor> inboxConsumers() {
        return services.stream().filter(ServiceDescriptor::hasInbox).toList();
    }

    /** The services with a database of their own. */
    public List<ServiceDescriptor> withDatabase() {
        return services.stream().filter(ServiceDescriptor::hasDatabase).toList();
    }

    /** The service whose first instance is listed under the endpoint name, e.g. {@code orders-api}. */
    public ServiceDescriptor withEndpoint(String endpoint) {
        return services.stream().filter(service -> service.endpointName().filter(endpoint::equals).isPresent()).findFirst()
                .orElseThrow(() -> new TopologyException("no service has the endpoint '" + endpoint + "'"));
    }

    private static void unique(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String value : values) {
            if (!seen.add(value)) {
                twice.add(value);
            }
        }
        if (!twice.isEmpty()) {
            throw new TopologyException("two services share the " + what + " " + twice);
        }
    }
}
