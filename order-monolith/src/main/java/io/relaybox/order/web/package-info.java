/** The orders HTTP API: JSON requests, validation and RFC 9457 problem responses. */
package io.relaybox.order.web;
