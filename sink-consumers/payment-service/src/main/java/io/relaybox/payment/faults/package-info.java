/**
 * Faults injected on purpose into the capture decisions, for benchmarks and experiments: off unless
 * {@code relaybox.faults.enabled=true}, then set at run time through {@code /faults}.
 */
package io.relaybox.payment.faults;
