/** Applies OrderConfirmed and OrderCancelled from orders.events to notifications, through the inbox. */
package io.relaybox.notification.events;
