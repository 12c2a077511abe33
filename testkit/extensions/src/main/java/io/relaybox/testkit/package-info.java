/**
 * The test kit, for test scope only: JUnit extensions that give a module's integration tests real platform processes
 * (Kafka, PostgreSQL) shared across the run, and the one base time test records are stamped from.
 */
package io.relaybox.testkit;
