/**
 * The platform's services as data ({@code services.json} on the class path): {@link io.relaybox.topology.Topology}
 * reads and checks it, {@link io.relaybox.topology.ServiceDescriptor} is one service, and
 * {@link io.relaybox.topology.EventTopics} names the topics every service publishes to. Everything that needs to know
 * which services exist (the launcher, the connector files' checks, status, the demo, the verification) asks here.
 */
package io.relaybox.topology;
