/** The saga's inbound side: inventory.events and payments.events, applied exactly once through the inbox. */
package io.relaybox.order.saga;
