/** Applies OrderPlaced and OrderCancelled from orders.events to payments, through the inbox. */
package io.relaybox.payment.events;
