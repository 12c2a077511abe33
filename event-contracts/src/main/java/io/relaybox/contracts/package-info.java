/**
 * The event contracts: the event types and their topics, defined once, and a JSON Schema for every version of each.
 */
package io.relaybox.contracts;
