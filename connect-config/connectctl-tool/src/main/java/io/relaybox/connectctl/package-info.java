/** Connector definitions and a client for the Kafka Connect REST API that registers and watches them. */
package io.relaybox.connectctl;
