/** The inventory: stock per SKU and one reservation per order, reserved all-or-none and released once. */
package io.relaybox.inventory;
