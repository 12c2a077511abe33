/**
 * The test kit, for test scope only: JUnit extensions that give a module's integration tests a PostgreSQL and a Kafka
 * shared across the run, the one base time test records are stamped from, the fault-injecting HTTP proxy and the crash
 * hooks' add-ons.
 * <p>
 * Two backends ({@code RELAYBOX_TESTKIT=local|containers|auto}, see {@code io.relaybox.testkit.containers}): local
 * processes (the process library) or containers. {@link io.relaybox.testkit.PostgresExtension} and
 * {@link io.relaybox.testkit.KafkaExtension} inject two kinds of parameter:
 * <ul>
 * <li>{@code PostgresEndpoint} and {@code KafkaEndpoint}: the service on the chosen backend. Tests that only connect
 * take these and run on either backend.</li>
 * <li>{@code PostgresServer} and {@code KafkaBroker}: a local process, for tests that stop, restart or watch it. No
 * container stands in for one: under {@code auto} a local process serves them (logged), under
 * {@code RELAYBOX_TESTKIT=containers} they are skipped with the reason.</li>
 * </ul>
 * With {@code RELAYBOX_TESTKIT=containers} and no Docker engine, every test class using the extensions is skipped with
 * that reason.
 */
package io.relaybox.testkit;
