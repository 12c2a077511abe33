/** The inbox: applies each consumed event exactly once by recording its id in the handler's own database transaction. */
package io.relaybox.outbox.inbox;
