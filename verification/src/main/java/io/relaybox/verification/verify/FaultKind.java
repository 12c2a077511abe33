package io.relaybox.verification.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A fault a verification run can inject, by the name the command line uses. */
public enum FaultKind {

    /** kill -9 of the Kafka Connect worker (Debezium and both sinks). */
    CONNECT_KILL("connect-kill"),
    /** kill -9 of the embedded relay (only on a platform that runs it, {@code --relay embedded}): the outbox sources. */
    RELAY_KILL("relay-kill"),
    /** A clean stop and start of the Kafka broker (the first node of a cluster). */
    KAFKA_RESTART("kafka-restart"),
    /**
     * kill -9 of a Kafka broker that is not the active controller, held down until every partition it led has a new
     * leader (only with three brokers: {@code --brokers 3}).
     */
    BROKER_KILL("broker-kill"),
    /**
     * kill -9 of the broker that is the active KRaft controller, held down until another controller leads the quorum and
     * every partition it led has a new leader (only with three brokers).
     */
    CONTROLLER_KILL("controller-kill"),
    /**
     * kill -9 of the Connect worker that runs the orders outbox source, held down until every task runs on another worker
     * (only with two or more workers: {@code --connect-workers 2}).
     */
    WORKER_KILL("worker-kill"),
    /** A fast stop and start of PostgreSQL (every service database, the replication slots). */
    POSTGRES_RESTART("postgres-restart"),
    /** kill -9 of one inventory-service instance. */
    INVENTORY_KILL("inventory-kill"),
    /** kill -9 of one payment-service instance. */
    PAYMENT_KILL("payment-kill"),
    /** kill -9 of the order monolith: its API and its saga consumer. */
    MONOLITH_KILL("monolith-kill"),
    /** kill -9 of the notification service, perhaps between the SMTP server's acceptance of an e-mail and its record. */
    NOTIFICATION_KILL("notification-kill"),
    /** kill -9 of the analytics application (Kafka Streams) while it counts: its open transaction is aborted. */
    ANALYTICS_KILL("analytics-kill"),
    /** Elasticsearch answers 429 (too many requests) to the sink for a while, through the fault proxy. */
    ES_THROTTLE("es-throttle"),
    /** Elasticsearch answers 503 to the sink for a while, through the fault proxy. */
    ES_UNAVAILABLE("es-unavailable"),
    /** The S3 server answers 503 to the archive sink for a while, through the fault proxy. */
    S3_UNAVAILABLE("s3-unavailable"),
    /** The sinks' consumer groups are rewound half way back, one sink after the other (stop, PATCH offsets, resume). */
    GROUP_REWIND("group-rewind");

    private final String id;

    FaultKind(String id) {
        this.id = id;
    }

    /** The name on the command line, e.g. {@code connect-kill}. */
    public String id() {
        return id;
    }

    /** Every kind's name, comma-separated, for help texts and error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(FaultKind::id).collect(Collectors.joining(","));
    }

    /**
     * The kinds a comma-separated list names ({@code all} for every kind), each once, in declaration order.
     *
     * @throws IllegalArgumentException naming the unknown kind and the known ones
     */
    public static List<FaultKind> parseList(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<FaultKind> kinds = new ArrayList<>();
        for (String name : list.split(",")) {
            String id = name.trim();
            FaultKind kind = Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault kind '" + id + "'; known: " + ids() + ", or all"));
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        kinds.sort(null);
        return List.copyOf(kinds);
    }

    /**
     * Why this kind cannot be injected into a platform of this shape, or empty when it can: a relay kill needs the
     * embedded relay, broker and controller kills need three brokers, a worker kill two workers.
     */
    public java.util.Optional<String> unavailableOn(boolean embeddedRelay, int brokers, int connectWorkers) {
        return switch (this) {
            case RELAY_KILL -> embeddedRelay ? java.util.Optional.empty()
                    : java.util.Optional.of("relay-kill needs --relay embedded (with Connect there is no relay to kill)");
            case BROKER_KILL, CONTROLLER_KILL -> brokers >= 3 ? java.util.Optional.empty()
                    : java.util.Optional.of(id + " needs --brokers 3 (a KRaft quorum of " + brokers + " does not survive losing a node)");
            case WORKER_KILL -> connectWorkers >= 2 ? java.util.Optional.empty()
                    : java.util.Optional.of("worker-kill needs --connect-workers 2 or more (no other worker to take the tasks)");
            default -> java.util.Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
