package io.relaybox.verification.verify;

import java.time.Duration;

/**
 * One fault of a schedule.
 *
 * @param at when it fires, counted from the start of the load
 * @param kind what it does
 */
public record ScheduledFault(Duration at, FaultKind kind) {
}
