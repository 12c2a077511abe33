/** The order monolith: orders, their lifecycle and the events each change publishes through the outbox. */
package io.relaybox.order;
