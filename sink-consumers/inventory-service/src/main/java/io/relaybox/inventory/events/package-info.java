/** Applies OrderPlaced and OrderCancelled from orders.events to the inventory, through the inbox. */
package io.relaybox.inventory.events;
