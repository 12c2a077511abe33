package io.relaybox.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One service of the platform, as {@code services.json} describes it. Everything else about it follows from these
 * fields by convention: its jar is {@code <module>/target/<name>.jar}, its database role {@code <database>_app}, its
 * consumer group (and inbox consumer name) its name, its outbox connector {@code <database>-outbox-source} with the
 * replication slot {@code relaybox_<database>_outbox}.
 *
 * @param name the service's name, e.g. {@code payment-service}
 * @param module its Maven module's folder, relative to the project folder
 * @param database its own database on the platform's PostgreSQL, or null for a service that keeps no database (a Kafka
 *        Streams application, whose state lives in Kafka): it has then no inbox and no outbox, so it publishes nothing
 * @param publishes the aggregate types of the events it writes to its outbox (each one a topic, see {@link EventTopics})
 * @param consumes the topics it applies events from
 * @param instances how many instances run, in one consumer group
 * @param ports the well-known HTTP port of each instance (a free one replaces a taken one)
 * @param health the path that answers 200 when an instance is ready
 * @param endpoint the name under which {@code status} lists the first instance's URL, or null for its instance name
 * @param properties Spring properties the platform passes to every instance ({@code --key=value}), e.g. the monolith's
 *        rollout of the order events' new version; none when missing
 */
public record ServiceDescriptor(String name, String module, String database, List<String> publishes, List<String> consumes,
        int instances, List<Integer> ports, String health, String endpoint, Map<String, String> properties) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern DATABASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern AGGREGATE = Pattern.compile("[A-Za-z0-9_-]+");

    public ServiceDescriptor {
        require(name != null && NAME.matcher(name).matches(), name, "name", "lower-case letters, digits and '-'");
        require(module != null && !module.isBlank(), name, "module", "the module's folder");
        require(database == null || DATABASE.matcher(database).matches(), name, "database", "lower-case letters, digits and '_'");
        publishes = List.copyOf(publishes == null ? List.of() : publishes);
        consumes = List.copyOf(consumes == null ? List.of() : consumes);
        for (String aggregate : publishes) {
            require(AGGREGATE.matcher(aggregate).matches(), name, "publishes", "aggregate types such as 'orders', was '" + aggregate + "'");
        }
        for (String topic : consumes) {
            require(EventTopics.isEventTopic(topic), name, "consumes", "event topics such as 'orders.events', was '" + topic + "'");
        }
        require(database != null || publishes.isEmpty(), name, "database", "given for a service that publishes (its outbox lives there)");
        require(instances >= 1, name, "instances", "at least 1");
        ports = List.copyOf(ports == null ? List.of() : ports);
        require(ports.size() == instances, name, "ports", "one port per instance (" + instances + ")");
        require(health != null && health.startsWith("/"), name, "health", "a path such as /actuator/health");
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    private static void require(boolean valid, String service, String field, String expected) {
        if (!valid) {
            throw new TopologyException("service " + (service == null ? "(no name)" : "'" + service + "'") + ": '" + field
                    + "' must be " + expected);
        }
    }

    /** The executable jar, relative to the project folder. */
    public String jar() {
        return module + "/target/" + name + ".jar";
    }

    /** Whether it has a database of its own (see {@link #database()}). */
    public boolean hasDatabase() {
        return database != null;
    }

    /**
     * Whether it applies events through the inbox ({@code processed_event} rows in its database, {@code /inbox/stats}):
     * a consuming service with a database. A consumer without one (Kafka Streams) keeps its own books in Kafka.
     */
    public boolean hasInbox() {
        return hasDatabase() && !consumes.isEmpty();
    }

    /** The login role that owns the service's database. */
    public String ownerRole() {
        if (database == null) {
            throw new IllegalStateException(name + " has no database");
        }
        return database + "_app";
    }

    /** The consumer group of its instances: the inbox's consumer name, or a Kafka Streams application's id. */
    public String consumerGroup() {
        return name;
    }

    /** The name of one instance: the service's name for a single instance, else with {@code -1}, {@code -2}, ... */
    public String instanceName(int instance) {
        if (instance < 1 || instance > instances) {
            throw new IllegalArgumentException(name + " has instances 1.." + instances + ", not " + instance);
        }
        return instances == 1 ? name : name + "-" + instance;
    }

    /** Every instance's name, in order. */
    public List<String> instanceNames() {
        List<String> names = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            names.add(instanceName(instance));
        }
        return names;
    }

    /** The topics its outbox feeds. */
    public List<String> publishedTopics() {
        return publishes.stream().map(EventTopics::of).toList();
    }

    /**
     * Whether its outbox is streamed at all: a service that publishes nothing (a notification sender, say) has no
     * outbox connector, no replication slot and no topic of its own.
     */
    public boolean hasSourceConnector() {
        return !publishes.isEmpty();
    }

    /** The name of the Debezium connector that streams its outbox (see {@link #hasSourceConnector()}). */
    public String sourceConnector() {
        return database + "-outbox-source";
    }

    /** The replication slot of that connector. */
    public String outboxSlot() {
        return "relaybox_" + database + "_outbox";
    }

    /** The name under which {@code status} lists the first instance's URL. */
    public Optional<String> endpointName() {
        return Optional.ofNullable(endpoint);
    }

    /** The names under which {@code status} lists each instance's URL, in instance order. */
    public List<String> endpointNames() {
        List<String> names = new ArrayList<>(instanceNames());
        endpointName().ifPresent(name -> names.set(0, name));
        return names;
    }
}
