/** The notification service's HTTP API: what was sent for an order. */
package io.relaybox.notification.web;
