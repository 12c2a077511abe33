/**
 * The test kit's second backend, for test scope only: PostgreSQL, Kafka, a Connect worker, Elasticsearch and MinIO
 * in containers (Testcontainers) instead of local processes.
 * <ul>
 * <li>{@link io.relaybox.testkit.containers.TestkitBackend} chooses, once per test JVM and in one logged line, from
 * {@code RELAYBOX_TESTKIT=local|containers|auto} (default auto: containers when a Docker engine answers, else local
 * processes). Containers asked for without a Docker engine mean the tests that need them are skipped, never run
 * locally instead.</li>
 * <li>{@link io.relaybox.testkit.containers.ContainerDefinitions} defines each container (image at the version the root
 * pom pins, environment, command, ports, mounts, readiness) without starting it; constructing them needs no Docker
 * engine, so their unit tests run anywhere.</li>
 * <li>{@link io.relaybox.testkit.containers.ContainerStack} starts some of them on one network and says where the host
 * reaches them.</li>
 * </ul>
 * The test kit's {@code PostgresExtension} and {@code KafkaExtension} use it; tests that take
 * {@code PostgresEndpoint} or {@code KafkaEndpoint} run on either backend.
 * <p>
 * Limits, as of this writing:
 * <ul>
 * <li>No container of this package has been started by this project's build: the machine it was written on has no
 * Docker engine. What is tested is the definitions and the choice; that the containers start and serve the tests is
 * not.</li>
 * <li>Tests that take the process types ({@code PostgresServer}, {@code KafkaBroker}: they stop, restart or watch the
 * process) get local processes under {@code auto} and are skipped under {@code RELAYBOX_TESTKIT=containers}. The
 * connectors' tests, the process library's own tests and the end-to-end tests of {@code verification} start their
 * Connect workers, Elasticsearch and S3 servers as local processes whatever {@code RELAYBOX_TESTKIT} says: the
 * Connect, Elasticsearch and MinIO containers are defined here and no test uses them yet.</li>
 * <li>The Connect container's REST API takes no password (the local worker's does), and the stack creates neither the
 * Elasticsearch user the sink connector logs in as nor a bucket unless asked ({@link
 * io.relaybox.testkit.containers.ContainerStack#ensureBucket}).</li>
 * </ul>
 */
package io.relaybox.testkit.containers;
