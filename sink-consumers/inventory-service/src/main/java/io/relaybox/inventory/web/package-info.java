/** The inventory HTTP API: reservations and stock levels, with RFC 9457 problem responses. */
package io.relaybox.inventory.web;
