package io.relaybox.testkit.containers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

import io.relaybox.platform.BrokerTimePolicy;
import io.relaybox.platform.ElasticsearchServer;
import io.relaybox.platform.KafkaEndpoint;
import io.relaybox.platform.PlatformLayout;
import io.relaybox.platform.PostgresEndpoint;

/**
 * Some of the containers of {@link ContainerDefinitions} on one network of their own, started in order (PostgreSQL,
 * Kafka, Connect, Elasticsearch, MinIO) and stopped together; what the host needs to reach them. Needs a Docker engine
 * ({@link TestkitBackend#dockerAnswers()}); only the test kit's container backend starts one.
 */
public final class ContainerStack implements AutoCloseable {

    /** What a stack may run. */
    public enum Service {
        POSTGRES, KAFKA, CONNECT, ELASTICSEARCH, S3
    }

    /** The passwords of a test stack: the containers are private to the run and gone after it. */
    public static final String POSTGRES_SUPERUSER_PASSWORD = "superpw";
    public static final String ELASTICSEARCH_PASSWORD = "relaybox-es";
    public static final String S3_ACCESS_KEY = "relaybox";
    public static final String S3_SECRET_KEY = "relaybox-s3-secret";

    private final Network network;
    private final Map<Service, GenericContainer<?>> containers;

    private ContainerStack(Network network, Map<Service, GenericContainer<?>> containers) {
        this.network = network;
        this.containers = containers;
    }

    /**
     * Starts these services' containers and waits until each is ready; Connect needs Kafka, and is given the sinks'
     * plugin folders of the build ({@link PlatformLayout#sinkPluginFolders()}) and the passwords above as the
     * {@code RELAYBOX_*} secrets the connector files read. When one fails to start, those started are stopped.
     */
    public static ContainerStack start(Set<Service> services) {
        if (services.contains(Service.CONNECT) && !services.contains(Service.KAFKA)) {
            throw new IllegalArgumentException("Connect keeps its state in Kafka: start KAFKA with CONNECT");
        }
        Network network = Network.newNetwork();
        Map<Service, GenericContainer<?>> containers = new EnumMap<>(Service.class);
        ContainerStack stack = new ContainerStack(network, containers);
        try {
            for (Service service : EnumSet.copyOf(services)) {
                GenericContainer<?> container = define(service).withNetwork(network);
                containers.put(service, container);
                container.start();
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static GenericContainer<?> define(Service service) {
        return switch (service) {
            case POSTGRES -> ContainerDefinitions.postgres(POSTGRES_SUPERUSER_PASSWORD);
            case KAFKA -> ContainerDefinitions.kafka(BrokerTimePolicy.TESTS);
            case CONNECT -> ContainerDefinitions.connect(ContainerDefinitions.KAFKA_NETWORK_BOOTSTRAP,
                    PlatformLayout.detect().sinkPluginFolders(),
                    Map.of("RELAYBOX_ELASTICSEARCH_PASSWORD", ELASTICSEARCH_PASSWORD, "RELAYBOX_S3_SECRET_KEY", S3_SECRET_KEY));
            case ELASTICSEARCH -> ContainerDefinitions.elasticsearch(ELASTICSEARCH_PASSWORD);
            case S3 -> ContainerDefinitions.minio(S3_ACCESS_KEY, S3_SECRET_KEY);
        };
    }

    /** PostgreSQL at its mapped port, as the superuser. */
    public PostgresEndpoint postgres() {
        GenericContainer<?> postgres = container(Service.POSTGRES);
        return new PostgresEndpoint(postgres.getHost(), postgres.getMappedPort(ContainerDefinitions.POSTGRES_PORT),
                POSTGRES_SUPERUSER_PASSWORD);
    }

    /** The broker as the host reaches it; containers of the stack use {@link ContainerDefinitions#KAFKA_NETWORK_BOOTSTRAP}. */
    public KafkaEndpoint kafka() {
        return new KafkaEndpoint(((KafkaContainer) container(Service.KAFKA)).getBootstrapServers());
    }

    /** The Connect worker's REST API, e.g. {@code http://localhost:32768}. */
    public String connectUrl() {
        return url(Service.CONNECT, ContainerDefinitions.CONNECT_PORT);
    }

    /** Elasticsearch's HTTP API (no TLS); see {@link #elasticsearchCredentials()}. */
    public String elasticsearchUrl() {
        return url(Service.ELASTICSEARCH, ContainerDefinitions.ELASTICSEARCH_PORT);
    }

    /** The superuser Elasticsearch's API demands. */
    public ElasticsearchServer.Credentials elasticsearchCredentials() {
        container(Service.ELASTICSEARCH);
        return new ElasticsearchServer.Credentials(ContainerDefinitions.ELASTICSEARCH_SUPERUSER, ELASTICSEARCH_PASSWORD);
    }

    /** MinIO's S3 endpoint (path-style access; sign with {@link #S3_ACCESS_KEY} and {@link #S3_SECRET_KEY}). */
    public String s3Endpoint() {
        return url(Service.S3, ContainerDefinitions.MINIO_PORT);
    }

    /**
     * Creates the bucket unless it exists, with the MinIO client in the container.
     *
     * @throws IllegalArgumentException when the name is not a valid S3 bucket name
     */
    public void ensureBucket(String bucket) {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || bucket.contains("..")) {
            throw new IllegalArgumentException("invalid S3 bucket name '" + bucket + "': 3-63 characters a-z, 0-9, '.' and '-'");
        }
        GenericContainer<?> minio = container(Service.S3);
        try {
            ExecResult result = minio.execInContainer("sh", "-c", "mc alias set local http://127.0.0.1:" + ContainerDefinitions.MINIO_PORT
                    + " \"$MINIO_ROOT_USER\" \"$MINIO_ROOT_PASSWORD\" >/dev/null && mc mb --ignore-existing local/" + bucket);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("cannot create the bucket " + bucket + ": " + result.getStderr() + result.getStdout());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the bucket " + bucket + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the bucket " + bucket, e);
        }
    }

    /** Stops every container of the stack (started or not) and removes its network. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        List<GenericContainer<?>> reversed = new ArrayList<>(containers.values());
        Collections.reverse(reversed);
        for (GenericContainer<?> container : reversed) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        network.close();
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private String url(Service service, int port) {
        GenericContainer<?> container = container(service);
        return "http://" + container.getHost() + ":" + container.getMappedPort(port);
    }

    private GenericContainer<?> container(Service service) {
        GenericContainer<?> container = containers.get(service);
        if (container == null) {
            throw new IllegalStateException("this stack runs no " + service + ": start it with " + service);
        }
        return container;
    }
}
