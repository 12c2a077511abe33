/**
 * The payloads of the events, as Java types: what a publisher writes and what a consumer reads, one type per payload
 * shape, each matching the current version of its event types' schemas (the build checks every component against
 * them). No service keeps its own copy of another service's payload.
 */
package io.relaybox.contracts.payload;
